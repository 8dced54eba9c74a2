#include "UserQuery.h"

namespace anadesk {

using scim::Attribute;
using scim::Filter;

QString prefixUpperBound(const QString &prefix)
{
    QString bound = prefix;
    while (!bound.isEmpty()) {
        const char16_t last = bound.back().unicode();
        bound.chop(1);
        // Surrogates and U+FFFF cannot simply be incremented into a valid character: shorten instead.
        if (last < 0xD7FF || (last >= 0xE000 && last < 0xFFFF)) {
            bound.append(QChar(char16_t(last + 1)));
            return bound;
        }
    }
    return {};
}

namespace {

Filter condition(Attribute attribute, UserQuery::Match match, const QString &text)
{
    if (match == UserQuery::Match::Equals)
        return field(attribute).eq(text);
    const QString lower = text.toLower();
    const QString upper = prefixUpperBound(lower);
    Filter range = field(attribute).ge(lower);
    if (!upper.isEmpty())
        range = range && field(attribute).lt(upper);
    return range;
}

} // namespace

Filter UserQuery::toFilter() const
{
    Filter result;
    const QString value = text.trimmed();
    if (!value.isEmpty()) {
        switch (field) {
        case Field::UserName:
            result = condition(Attribute::UserName, match, value);
            break;
        case Field::FamilyName:
            result = condition(Attribute::FamilyName, match, value);
            break;
        case Field::GivenName:
            result = condition(Attribute::GivenName, match, value);
            break;
        case Field::AnyName:
            result = condition(Attribute::FamilyName, match, value) ||
                     condition(Attribute::GivenName, match, value);
            break;
        }
    }
    if (activity == Activity::Active)
        result = result && scim::field(Attribute::Active).eq(true);
    else if (activity == Activity::Inactive)
        result = result && scim::field(Attribute::Active).eq(false);
    return result;
}

} // namespace anadesk
