#pragma once
// A typed builder for the SCIM filter subset Anaplan accepts (anaplan-api.md §12, scim-openapi.json):
// attributes id, externalId, userName, name.familyName, name.givenName, active; operators eq ne gt ge lt
// le pr; `and`, `or` and parentheses — no `not`, no co/sw/ew. It renders exactly as the reference
// client's field() DSL (its tests are mirrored in tests/core-cloud):
//
//   using namespace anadesk::scim;
//   field(Attribute::Active).truthy()                         → active eq true
//   field(Attribute::Active).falsy()                          → active eq false
//   field(Attribute::UserName).truthy()                       → userName pr
//   field(Attribute::UserName).falsy()                        → userName eq null
//   field(Attribute::Id).eq(u"123"_s)                         → id eq "123"
//   (field(Attribute::Active).truthy() && field(Attribute::Id).eq(u"123"_s)) ||
//   field(Attribute::UserName).falsy()
//                                                             → (active eq true and id eq "123") or userName
//                                                             eq null
//
// Grouping: a chain of the same operator grows from the left without parentheses (a and b and c); any
// compound operand otherwise gets parentheses, so the rendered text always means what the C++ says.
// String values are quoted with JSON escapes (\" \\ \n \uXXXX), so no value can break out of its
// quotes. A comparison the server would refuse (gt on active, a text value for active) makes the
// filter invalid: error() says why and ScimClient::getUsers() fails with BadInput, sending nothing.
#include <QString>
#include <QStringList>
#include <optional>

namespace anadesk::scim {

enum class Attribute
{
    Id,
    ExternalId,
    UserName,
    FamilyName,
    GivenName,
    Active
};
enum class Operator
{
    Eq,
    Ne,
    Gt,
    Ge,
    Lt,
    Le
};

// "id", "externalId", "userName", "name.familyName", "name.givenName", "active".
QString attributeName(Attribute attribute);
// Case-insensitive, as Anaplan matches attribute names; std::nullopt for anything else.
std::optional<Attribute> attributeFromName(const QString &name);
QString operatorName(Operator op); // "eq"…
std::optional<Operator> operatorFromName(const QString &name);
// "\"a\\\"b\"": the value as a quoted SCIM/JSON string literal.
QString quoted(const QString &value);

class Filter
{
public:
    Filter() = default; // empty: no filter (every user)

    // The caller's own filter text, sent as it is (the server validates it); grouped in parentheses
    // when combined. Blank text is the empty filter.
    static Filter raw(const QString &text);
    static Filter compare(Attribute attribute, Operator op, const QString &value);
    static Filter compare(Attribute attribute, Operator op, bool value); // active only; eq and ne only
    static Filter present(Attribute attribute);                          // "x pr"
    static Filter absent(Attribute attribute);                           // "x eq null"

    // Combining with an empty filter gives the other one; an invalid operand makes the result invalid.
    Filter operator&&(const Filter &other) const { return combine(Kind::And, other); }
    Filter operator||(const Filter &other) const { return combine(Kind::Or, other); }

    bool isEmpty() const { return m_kind == Kind::Empty; }
    bool isValid() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }
    QString toString() const;

private:
    enum class Kind
    {
        Empty,
        Leaf,
        Raw,
        And,
        Or
    };
    Filter combine(Kind op, const Filter &other) const;
    QString asOperand() const; // parenthesised when compound
    static Filter invalid(const QString &error);

    Kind m_kind = Kind::Empty;
    QStringList m_parts; // Leaf/Raw: one text; And/Or: the rendered operands
    QString m_error;
};

// The reference client's field(): a filterable attribute and the conditions on it.
class Field
{
public:
    explicit Field(Attribute attribute)
        : m_attribute(attribute)
    {}
    Attribute attribute() const { return m_attribute; }

    Filter eq(const QString &value) const { return Filter::compare(m_attribute, Operator::Eq, value); }
    Filter ne(const QString &value) const { return Filter::compare(m_attribute, Operator::Ne, value); }
    Filter gt(const QString &value) const { return Filter::compare(m_attribute, Operator::Gt, value); }
    Filter ge(const QString &value) const { return Filter::compare(m_attribute, Operator::Ge, value); }
    Filter lt(const QString &value) const { return Filter::compare(m_attribute, Operator::Lt, value); }
    Filter le(const QString &value) const { return Filter::compare(m_attribute, Operator::Le, value); }
    Filter eq(bool value) const { return Filter::compare(m_attribute, Operator::Eq, value); }
    Filter ne(bool value) const { return Filter::compare(m_attribute, Operator::Ne, value); }
    Filter present() const { return Filter::present(m_attribute); }
    Filter absent() const { return Filter::absent(m_attribute); }
    // field(x): `active eq true` for active, `x pr` otherwise; ~field(x): `active eq false` / `x eq null`.
    Filter truthy() const;
    Filter falsy() const;

private:
    Attribute m_attribute;
};

inline Field field(Attribute attribute)
{
    return Field(attribute);
}

} // namespace anadesk::scim
