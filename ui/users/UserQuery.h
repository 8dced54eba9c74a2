#pragma once
// What the Users view's filter row asks for, turned into a SCIM filter. Anaplan's SCIM has no "contains" or
// "starts with" (co/sw are refused), so "starts with" is a range on the attribute: x ge "ann" and x lt "ano"
// (userName and names compare case-insensitively, so the range is built on the lower-cased text).
#include "scim/ScimFilter.h"

#include <QString>

namespace anadesk {

struct UserQuery
{
    enum class Field
    {
        UserName,
        FamilyName,
        GivenName,
        AnyName // family or given name
    };
    enum class Match
    {
        StartsWith,
        Equals
    };
    enum class Activity
    {
        Any,
        Active,
        Inactive
    };

    Field field = Field::UserName;
    Match match = Match::StartsWith;
    QString text; // trimmed before use; empty: no condition on the field
    Activity activity = Activity::Any;

    scim::Filter toFilter() const;
    bool isEmpty() const { return text.trimmed().isEmpty() && activity == Activity::Any; }
};

// The smallest text greater than every text starting with `prefix` (the last character incremented);
// empty when no such text exists (the prefix ends with the highest code point).
QString prefixUpperBound(const QString &prefix);

} // namespace anadesk
