#pragma once
// The SCIM filter language (RFC 7644 §3.4.2.2) as a real parser: attribute expressions with
// eq ne co sw ew gt ge lt le pr, `and`/`or`/`not`, parentheses and value paths (attr[subfilter]),
// operators and attribute names case-insensitive. Anaplan implements only a subset (scim-openapi.json,
// anaplan-limits-and-peers.md §2.8): eq ne gt ge lt le pr, and/or and grouping, six attributes; the
// Anaplan dialect rejects the rest with scimType invalidValue, while malformed text is invalidFilter.
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace sandbox::scim {

enum class FilterOp { Eq, Ne, Co, Sw, Ew, Gt, Ge, Lt, Le, Pr };

struct FilterNode
{
    enum class Kind { And, Or, Not, Compare, Present, ValuePath };
    Kind kind = Kind::Compare;
    QString attribute; // lower-cased attribute path without the schema URN ("name.familyname")
    QString spelledAttribute; // as written, for messages
    FilterOp op = FilterOp::Eq;
    QJsonValue value; // string, bool, double or null
    QList<std::shared_ptr<FilterNode>> children; // And/Or: two; Not and ValuePath: one
};
using FilterPtr = std::shared_ptr<FilterNode>;

enum class FilterDialect {
    Rfc7644, // the whole language
    Anaplan  // what Anaplan's SCIM server accepts
};

enum class AttributeType { String, CaseExactString, Boolean, Complex };

struct FilterError
{
    QString scimType; // "invalidFilter" (malformed) or "invalidValue" (not supported by Anaplan)
    QString detail;
};

// Attribute types for validation and comparison; unknown attributes are an error in the Anaplan dialect
// and treated as case-insensitive strings otherwise.
using AttributeTypes = std::function<std::optional<AttributeType>(const QString &lowerPath)>;

// Parses `text`; nullptr with *error on failure.
FilterPtr parseFilter(const QString &text, FilterDialect dialect, const AttributeTypes &types, FilterError *error);

// What a filter is evaluated on: the values of an attribute path (several for multi-valued attributes,
// none when absent), and for value paths the elements of a complex multi-valued attribute.
class FilterSubject
{
public:
    virtual ~FilterSubject() = default;
    virtual QList<QJsonValue> values(const QString &lowerPath) const = 0;
    virtual std::vector<std::unique_ptr<FilterSubject>> elements(const QString &lowerPath) const
    {
        Q_UNUSED(lowerPath)
        return {};
    }
};

// A FilterSubject over a JSON object (attribute names compared case-insensitively).
class JsonFilterSubject : public FilterSubject
{
public:
    explicit JsonFilterSubject(QJsonObject object) : m_object(std::move(object)) {}
    QList<QJsonValue> values(const QString &lowerPath) const override;
    std::vector<std::unique_ptr<FilterSubject>> elements(const QString &lowerPath) const override;

private:
    QJsonValue lookup(const QJsonObject &object, const QString &lowerName) const;
    QJsonObject m_object;
};

bool matches(const FilterNode &filter, const FilterSubject &subject, const AttributeTypes &types);

QString opName(FilterOp op);

} // namespace sandbox::scim
