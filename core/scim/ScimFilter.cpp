#include "ScimFilter.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace anadesk::scim {

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("anadesk::scim::Filter", text);
}

struct AttributeName
{
    Attribute attribute;
    const char *name;
};
constexpr AttributeName kAttributes[] = {{Attribute::Id, "id"},
                                         {Attribute::ExternalId, "externalId"},
                                         {Attribute::UserName, "userName"},
                                         {Attribute::FamilyName, "name.familyName"},
                                         {Attribute::GivenName, "name.givenName"},
                                         {Attribute::Active, "active"}};
} // namespace

QString attributeName(Attribute attribute)
{
    for (const AttributeName &a : kAttributes) {
        if (a.attribute == attribute)
            return QString::fromLatin1(a.name);
    }
    return {};
}

std::optional<Attribute> attributeFromName(const QString &name)
{
    const QString trimmed = name.trimmed();
    for (const AttributeName &a : kAttributes) {
        if (trimmed.compare(QLatin1String(a.name), Qt::CaseInsensitive) == 0)
            return a.attribute;
    }
    return std::nullopt;
}

QString operatorName(Operator op)
{
    switch (op) {
    case Operator::Eq:
        return u"eq"_s;
    case Operator::Ne:
        return u"ne"_s;
    case Operator::Gt:
        return u"gt"_s;
    case Operator::Ge:
        return u"ge"_s;
    case Operator::Lt:
        return u"lt"_s;
    case Operator::Le:
        return u"le"_s;
    }
    return {};
}

std::optional<Operator> operatorFromName(const QString &name)
{
    for (Operator op : {Operator::Eq, Operator::Ne, Operator::Gt, Operator::Ge, Operator::Lt, Operator::Le}) {
        if (name.trimmed().compare(operatorName(op), Qt::CaseInsensitive) == 0)
            return op;
    }
    return std::nullopt;
}

QString quoted(const QString &value)
{
    QString out;
    out.reserve(value.size() + 2);
    out += u'"';
    for (const QChar c : value) {
        switch (c.unicode()) {
        case '"':
            out += u"\\\""_s;
            break;
        case '\\':
            out += u"\\\\"_s;
            break;
        case '\n':
            out += u"\\n"_s;
            break;
        case '\r':
            out += u"\\r"_s;
            break;
        case '\t':
            out += u"\\t"_s;
            break;
        case '\b':
            out += u"\\b"_s;
            break;
        case '\f':
            out += u"\\f"_s;
            break;
        default:
            if (c.unicode() < 0x20)
                out += u"\\u"_s + QString::number(c.unicode(), 16).rightJustified(4, u'0');
            else
                out += c;
        }
    }
    out += u'"';
    return out;
}

Filter Filter::invalid(const QString &error)
{
    Filter f;
    f.m_kind = Kind::Leaf;
    f.m_error = error;
    return f;
}

Filter Filter::raw(const QString &text)
{
    Filter f;
    if (text.trimmed().isEmpty())
        return f;
    f.m_kind = Kind::Raw;
    f.m_parts = {text.trimmed()};
    return f;
}

Filter Filter::compare(Attribute attribute, Operator op, const QString &value)
{
    if (attribute == Attribute::Active)
        return invalid(tr("'active' is a boolean: compare it with true or false (eq, ne), not with text '%1'")
                           .arg(value));
    Filter f;
    f.m_kind = Kind::Leaf;
    f.m_parts = {attributeName(attribute) + u' ' + operatorName(op) + u' ' + quoted(value)};
    return f;
}

Filter Filter::compare(Attribute attribute, Operator op, bool value)
{
    if (attribute != Attribute::Active)
        return invalid(tr("'%1' is text: compare it with a quoted value, not with %2")
                           .arg(attributeName(attribute), value ? u"true"_s : u"false"_s));
    if (op != Operator::Eq && op != Operator::Ne)
        return invalid(tr("'active' is a boolean: only eq and ne apply, not %1").arg(operatorName(op)));
    Filter f;
    f.m_kind = Kind::Leaf;
    f.m_parts = {attributeName(attribute) + u' ' + operatorName(op) + (value ? u" true"_s : u" false"_s)};
    return f;
}

Filter Filter::present(Attribute attribute)
{
    Filter f;
    f.m_kind = Kind::Leaf;
    f.m_parts = {attributeName(attribute) + u" pr"_s};
    return f;
}

Filter Filter::absent(Attribute attribute)
{
    Filter f;
    f.m_kind = Kind::Leaf;
    f.m_parts = {attributeName(attribute) + u" eq null"_s};
    return f;
}

QString Filter::toString() const
{
    switch (m_kind) {
    case Kind::Empty:
        return {};
    case Kind::Leaf:
    case Kind::Raw:
        return m_parts.value(0);
    case Kind::And:
        return m_parts.join(u" and "_s);
    case Kind::Or:
        return m_parts.join(u" or "_s);
    }
    return {};
}

QString Filter::asOperand() const
{
    if (m_kind == Kind::Leaf)
        return toString();
    return u'(' + toString() + u')';
}

Filter Filter::combine(Kind op, const Filter &other) const
{
    if (!isValid())
        return *this;
    if (!other.isValid())
        return other;
    if (other.isEmpty())
        return *this;
    if (isEmpty())
        return other;
    Filter f;
    f.m_kind = op;
    // A chain of the same operator continues from the left (a and b and c), as the reference client does.
    f.m_parts = m_kind == op ? m_parts : QStringList{asOperand()};
    f.m_parts.append(other.asOperand());
    return f;
}

Filter Field::truthy() const
{
    return m_attribute == Attribute::Active ? eq(true) : present();
}

Filter Field::falsy() const
{
    return m_attribute == Attribute::Active ? eq(false) : absent();
}

} // namespace anadesk::scim
