#include "ScimFilter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sandbox::scim {

namespace {

const QString kUserUrn = QStringLiteral("urn:ietf:params:scim:schemas:core:2.0:user:");

struct Token
{
    enum class Kind { Word, String, LParen, RParen, LBracket, RBracket, End };
    Kind kind = Kind::End;
    QString text; // Word: as written; String: decoded
    int position = 0;
};

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == QLatin1Char('.') || c == QLatin1Char(':') || c == QLatin1Char('_') ||
           c == QLatin1Char('-') || c == QLatin1Char('$') || c == QLatin1Char('+');
}

class Lexer
{
public:
    explicit Lexer(const QString &text) : m_text(text) {}

    bool run(QList<Token> *tokens, FilterError *error)
    {
        int i = 0;
        const int n = int(m_text.size());
        while (i < n) {
            const QChar c = m_text.at(i);
            if (c.isSpace()) {
                ++i;
                continue;
            }
            Token t;
            t.position = i + 1;
            if (c == QLatin1Char('(') || c == QLatin1Char(')') || c == QLatin1Char('[') || c == QLatin1Char(']')) {
                t.kind = c == QLatin1Char('(')   ? Token::Kind::LParen
                         : c == QLatin1Char(')') ? Token::Kind::RParen
                         : c == QLatin1Char('[') ? Token::Kind::LBracket
                                                 : Token::Kind::RBracket;
                t.text = c;
                ++i;
            } else if (c == QLatin1Char('"')) {
                // A JSON string literal: find its end honouring backslash escapes, then decode it as JSON.
                int j = i + 1;
                bool closed = false;
                while (j < n) {
                    if (m_text.at(j) == QLatin1Char('\\')) {
                        j += 2;
                        continue;
                    }
                    if (m_text.at(j) == QLatin1Char('"')) {
                        closed = true;
                        break;
                    }
                    ++j;
                }
                if (!closed) {
                    *error = {QStringLiteral("invalidFilter"),
                              QStringLiteral("Unterminated string starting at character %1 of the filter.")
                                  .arg(i + 1)};
                    return false;
                }
                const QString literal = m_text.mid(i, j - i + 1);
                const QJsonDocument doc =
                    QJsonDocument::fromJson(QByteArray("[") + literal.toUtf8() + QByteArray("]"));
                if (!doc.isArray() || !doc.array().at(0).isString()) {
                    *error = {QStringLiteral("invalidFilter"),
                              QStringLiteral("The string %1 at character %2 is not a valid JSON string.")
                                  .arg(literal)
                                  .arg(i + 1)};
                    return false;
                }
                t.kind = Token::Kind::String;
                t.text = doc.array().at(0).toString();
                i = j + 1;
            } else if (isWordChar(c)) {
                int j = i;
                while (j < n && isWordChar(m_text.at(j)))
                    ++j;
                t.kind = Token::Kind::Word;
                t.text = m_text.mid(i, j - i);
                i = j;
            } else {
                *error = {QStringLiteral("invalidFilter"),
                          QStringLiteral("Unexpected character '%1' at character %2 of the filter.").arg(c).arg(i + 1)};
                return false;
            }
            tokens->append(t);
        }
        Token end;
        end.position = n + 1;
        tokens->append(end);
        return true;
    }

private:
    const QString &m_text;
};

std::optional<FilterOp> operatorFrom(const QString &word)
{
    static const QList<QPair<QString, FilterOp>> ops = {
        {QStringLiteral("eq"), FilterOp::Eq}, {QStringLiteral("ne"), FilterOp::Ne}, {QStringLiteral("co"), FilterOp::Co},
        {QStringLiteral("sw"), FilterOp::Sw}, {QStringLiteral("ew"), FilterOp::Ew}, {QStringLiteral("gt"), FilterOp::Gt},
        {QStringLiteral("ge"), FilterOp::Ge}, {QStringLiteral("lt"), FilterOp::Lt}, {QStringLiteral("le"), FilterOp::Le},
        {QStringLiteral("pr"), FilterOp::Pr}};
    const QString lower = word.toLower();
    for (const auto &[name, op] : ops)
        if (name == lower)
            return op;
    return std::nullopt;
}

bool isKeyword(const QString &word, const char *keyword)
{
    return word.compare(QLatin1String(keyword), Qt::CaseInsensitive) == 0;
}

class Parser
{
public:
    Parser(QList<Token> tokens, FilterDialect dialect, const AttributeTypes &types)
        : m_tokens(std::move(tokens))
        , m_dialect(dialect)
        , m_types(types)
    {}

    FilterPtr parse(FilterError *error)
    {
        m_error = error;
        if (peek().kind == Token::Kind::End)
            return fail(QStringLiteral("invalidFilter"), QStringLiteral("The filter is empty."));
        FilterPtr node = parseOr(QString());
        if (!node)
            return nullptr;
        if (peek().kind != Token::Kind::End)
            return fail(QStringLiteral("invalidFilter"),
                        QStringLiteral("Unexpected '%1' at character %2: expected 'and', 'or' or the end of the filter.")
                            .arg(peek().text)
                            .arg(peek().position));
        return node;
    }

private:
    const Token &peek() const { return m_tokens.at(m_pos); }
    Token take() { return m_tokens.at(m_pos++); }

    FilterPtr fail(const QString &type, const QString &detail)
    {
        if (m_error->detail.isEmpty())
            *m_error = {type, detail};
        return nullptr;
    }

    // parentPath: inside a value path "emails[...]", attribute names are relative to it.
    FilterPtr parseOr(const QString &parentPath)
    {
        FilterPtr left = parseAnd(parentPath);
        while (left && peek().kind == Token::Kind::Word && isKeyword(peek().text, "or")) {
            take();
            FilterPtr right = parseAnd(parentPath);
            if (!right)
                return nullptr;
            auto node = std::make_shared<FilterNode>();
            node->kind = FilterNode::Kind::Or;
            node->children = {left, right};
            left = node;
        }
        return left;
    }

    FilterPtr parseAnd(const QString &parentPath)
    {
        FilterPtr left = parseUnary(parentPath);
        while (left && peek().kind == Token::Kind::Word && isKeyword(peek().text, "and")) {
            take();
            FilterPtr right = parseUnary(parentPath);
            if (!right)
                return nullptr;
            auto node = std::make_shared<FilterNode>();
            node->kind = FilterNode::Kind::And;
            node->children = {left, right};
            left = node;
        }
        return left;
    }

    FilterPtr parseGroup(const QString &parentPath)
    {
        const Token open = take(); // '('
        FilterPtr inner = parseOr(parentPath);
        if (!inner)
            return nullptr;
        if (peek().kind != Token::Kind::RParen)
            return fail(QStringLiteral("invalidFilter"),
                        QStringLiteral("The parenthesis opened at character %1 is not closed (found '%2' at "
                                       "character %3).")
                            .arg(open.position)
                            .arg(peek().kind == Token::Kind::End ? QStringLiteral("end of filter") : peek().text)
                            .arg(peek().position));
        take();
        return inner;
    }

    FilterPtr parseUnary(const QString &parentPath)
    {
        const Token &t = peek();
        if (t.kind == Token::Kind::LParen)
            return parseGroup(parentPath);
        if (t.kind == Token::Kind::Word && isKeyword(t.text, "not")) {
            const Token notToken = take();
            if (m_dialect == FilterDialect::Anaplan)
                return fail(QStringLiteral("invalidValue"),
                            QStringLiteral("The 'not' operator (character %1) is not supported by Anaplan's SCIM "
                                           "API; rewrite the filter with ne, or use and/or.")
                                .arg(notToken.position));
            if (peek().kind != Token::Kind::LParen)
                return fail(QStringLiteral("invalidFilter"),
                            QStringLiteral("'not' at character %1 must be followed by a parenthesised filter.")
                                .arg(notToken.position));
            FilterPtr inner = parseGroup(parentPath);
            if (!inner)
                return nullptr;
            auto node = std::make_shared<FilterNode>();
            node->kind = FilterNode::Kind::Not;
            node->children = {inner};
            return node;
        }
        if (t.kind != Token::Kind::Word)
            return fail(QStringLiteral("invalidFilter"),
                        QStringLiteral("Expected an attribute name at character %1, found '%2'.")
                            .arg(t.position)
                            .arg(t.kind == Token::Kind::End ? QStringLiteral("end of filter") : t.text));
        return parseAttributeExpression(parentPath);
    }

    QString normalisePath(const QString &spelled, const QString &parentPath)
    {
        QString lower = spelled.toLower();
        if (lower.startsWith(kUserUrn))
            lower = lower.mid(kUserUrn.size());
        return parentPath.isEmpty() ? lower : parentPath + QLatin1Char('.') + lower;
    }

    bool validAttributeName(const QString &spelled) const
    {
        // ATTRNAME = ALPHA *(nameChar), sub-attribute after one '.', optionally behind a schema URN.
        QString name = spelled;
        const qsizetype colon = name.lastIndexOf(QLatin1Char(':'));
        if (colon >= 0)
            name = name.mid(colon + 1);
        const QStringList parts = name.split(QLatin1Char('.'));
        if (parts.size() > 2)
            return false;
        for (const QString &part : parts) {
            if (part.isEmpty() || !part.at(0).isLetter())
                return false;
            for (QChar c : part)
                if (!(c.isLetterOrNumber() || c == QLatin1Char('_') || c == QLatin1Char('-') || c == QLatin1Char('$')))
                    return false;
        }
        return true;
    }

    FilterPtr parseAttributeExpression(const QString &parentPath)
    {
        const Token attr = take();
        if (!validAttributeName(attr.text))
            return fail(QStringLiteral("invalidFilter"),
                        QStringLiteral("'%1' at character %2 is not an attribute name.").arg(attr.text).arg(attr.position));
        const QString path = normalisePath(attr.text, parentPath);

        if (peek().kind == Token::Kind::LBracket) {
            const Token open = take();
            if (m_dialect == FilterDialect::Anaplan)
                return fail(QStringLiteral("invalidValue"),
                            QStringLiteral("Value filters such as %1[...] are not supported by Anaplan's SCIM API.")
                                .arg(attr.text));
            if (!parentPath.isEmpty())
                return fail(QStringLiteral("invalidFilter"),
                            QStringLiteral("Value filters cannot be nested (character %1).").arg(open.position));
            FilterPtr inner = parseOr(path);
            if (!inner)
                return nullptr;
            if (peek().kind != Token::Kind::RBracket)
                return fail(QStringLiteral("invalidFilter"),
                            QStringLiteral("The '[' at character %1 is not closed.").arg(open.position));
            take();
            auto node = std::make_shared<FilterNode>();
            node->kind = FilterNode::Kind::ValuePath;
            node->attribute = path;
            node->spelledAttribute = attr.text;
            node->children = {inner};
            return node;
        }

        const Token opToken = take();
        const std::optional<FilterOp> op =
            opToken.kind == Token::Kind::Word ? operatorFrom(opToken.text) : std::nullopt;
        if (!op)
            return fail(QStringLiteral("invalidFilter"),
                        QStringLiteral("Expected an operator (eq, ne, co, sw, ew, gt, ge, lt, le, pr) after '%1' at "
                                       "character %2, found '%3'.")
                            .arg(attr.text)
                            .arg(opToken.position)
                            .arg(opToken.kind == Token::Kind::End ? QStringLiteral("end of filter") : opToken.text));

        const std::optional<AttributeType> type = m_types ? m_types(path) : std::nullopt;
        if (m_dialect == FilterDialect::Anaplan) {
            if (*op == FilterOp::Co || *op == FilterOp::Sw || *op == FilterOp::Ew)
                return fail(QStringLiteral("invalidValue"),
                            QStringLiteral("The operator '%1' (character %2) is not supported by Anaplan's SCIM API; "
                                           "supported: eq, ne, gt, ge, lt, le, pr.")
                                .arg(opToken.text)
                                .arg(opToken.position));
            if (!type)
                return fail(QStringLiteral("invalidValue"),
                            QStringLiteral("The attribute '%1' cannot be filtered on; filterable attributes: id, "
                                           "externalId, userName, name.familyName, name.givenName, active.")
                                .arg(attr.text));
        }

        auto node = std::make_shared<FilterNode>();
        node->attribute = path;
        node->spelledAttribute = attr.text;
        node->op = *op;
        if (*op == FilterOp::Pr) {
            node->kind = FilterNode::Kind::Present;
            return node;
        }
        node->kind = FilterNode::Kind::Compare;

        const Token value = take();
        if (value.kind == Token::Kind::String) {
            node->value = value.text;
        } else if (value.kind == Token::Kind::Word && isKeyword(value.text, "true")) {
            node->value = true;
        } else if (value.kind == Token::Kind::Word && isKeyword(value.text, "false")) {
            node->value = false;
        } else if (value.kind == Token::Kind::Word && isKeyword(value.text, "null")) {
            node->value = QJsonValue(QJsonValue::Null);
        } else if (value.kind == Token::Kind::Word) {
            bool ok = false;
            const double number = value.text.toDouble(&ok);
            if (!ok)
                return fail(QStringLiteral("invalidFilter"),
                            QStringLiteral("The value '%1' at character %2 must be a quoted string, true, false, "
                                           "null or a number.")
                                .arg(value.text)
                                .arg(value.position));
            node->value = number;
        } else {
            return fail(QStringLiteral("invalidFilter"),
                        QStringLiteral("Expected a value after '%1 %2' at character %3.")
                            .arg(attr.text, opToken.text)
                            .arg(value.position));
        }

        // Type rules of RFC 7644: booleans only compare with eq/ne; ordering and substring operators need
        // a string (or number) value; booleans must be compared with true/false.
        if (type == AttributeType::Boolean) {
            if (*op != FilterOp::Eq && *op != FilterOp::Ne)
                return fail(QStringLiteral("invalidFilter"),
                            QStringLiteral("'%1' is a boolean attribute: only eq and ne apply, not '%2'.")
                                .arg(attr.text, opToken.text));
            if (!node->value.isBool() && !node->value.isNull())
                return fail(QStringLiteral("invalidFilter"),
                            QStringLiteral("'%1' is a boolean attribute: compare it with true or false.").arg(attr.text));
        }
        if (*op != FilterOp::Eq && *op != FilterOp::Ne && node->value.isNull())
            return fail(QStringLiteral("invalidFilter"),
                        QStringLiteral("'%1 %2 null' is meaningless: only eq and ne compare with null.")
                            .arg(attr.text, opToken.text));
        if ((*op == FilterOp::Co || *op == FilterOp::Sw || *op == FilterOp::Ew) && !node->value.isString())
            return fail(QStringLiteral("invalidFilter"),
                        QStringLiteral("'%1' needs a quoted string value.").arg(opToken.text));
        return node;
    }

    QList<Token> m_tokens;
    int m_pos = 0;
    FilterDialect m_dialect;
    const AttributeTypes &m_types;
    FilterError *m_error = nullptr;
};

bool isEmptyValue(const QJsonValue &v)
{
    return v.isNull() || v.isUndefined() || (v.isString() && v.toString().isEmpty()) ||
           (v.isArray() && v.toArray().isEmpty()) || (v.isObject() && v.toObject().isEmpty());
}

bool compareOne(const QJsonValue &actual, FilterOp op, const QJsonValue &expected, bool caseExact)
{
    if (actual.isBool() || expected.isBool()) {
        if (!actual.isBool() || !expected.isBool())
            return op == FilterOp::Ne;
        const bool equal = actual.toBool() == expected.toBool();
        return op == FilterOp::Eq ? equal : (op == FilterOp::Ne ? !equal : false);
    }
    if (actual.isDouble() && expected.isDouble()) {
        const double a = actual.toDouble();
        const double b = expected.toDouble();
        switch (op) {
        case FilterOp::Eq: return a == b;
        case FilterOp::Ne: return a != b;
        case FilterOp::Gt: return a > b;
        case FilterOp::Ge: return a >= b;
        case FilterOp::Lt: return a < b;
        case FilterOp::Le: return a <= b;
        default: return false;
        }
    }
    const QString a = actual.isDouble() ? QString::number(actual.toDouble()) : actual.toString();
    const QString b = expected.isDouble() ? QString::number(expected.toDouble()) : expected.toString();
    const Qt::CaseSensitivity cs = caseExact ? Qt::CaseSensitive : Qt::CaseInsensitive;
    switch (op) {
    case FilterOp::Eq: return a.compare(b, cs) == 0;
    case FilterOp::Ne: return a.compare(b, cs) != 0;
    case FilterOp::Co: return a.contains(b, cs);
    case FilterOp::Sw: return a.startsWith(b, cs);
    case FilterOp::Ew: return a.endsWith(b, cs);
    case FilterOp::Gt: return a.compare(b, cs) > 0;
    case FilterOp::Ge: return a.compare(b, cs) >= 0;
    case FilterOp::Lt: return a.compare(b, cs) < 0;
    case FilterOp::Le: return a.compare(b, cs) <= 0;
    case FilterOp::Pr: return !isEmptyValue(actual);
    }
    return false;
}

} // namespace

QString opName(FilterOp op)
{
    switch (op) {
    case FilterOp::Eq: return QStringLiteral("eq");
    case FilterOp::Ne: return QStringLiteral("ne");
    case FilterOp::Co: return QStringLiteral("co");
    case FilterOp::Sw: return QStringLiteral("sw");
    case FilterOp::Ew: return QStringLiteral("ew");
    case FilterOp::Gt: return QStringLiteral("gt");
    case FilterOp::Ge: return QStringLiteral("ge");
    case FilterOp::Lt: return QStringLiteral("lt");
    case FilterOp::Le: return QStringLiteral("le");
    case FilterOp::Pr: return QStringLiteral("pr");
    }
    return {};
}

FilterPtr parseFilter(const QString &text, FilterDialect dialect, const AttributeTypes &types, FilterError *error)
{
    *error = {};
    QList<Token> tokens;
    if (!Lexer(text).run(&tokens, error))
        return nullptr;
    return Parser(std::move(tokens), dialect, types).parse(error);
}

QJsonValue JsonFilterSubject::lookup(const QJsonObject &object, const QString &lowerName) const
{
    for (auto it = object.begin(); it != object.end(); ++it)
        if (it.key().toLower() == lowerName)
            return it.value();
    return QJsonValue(QJsonValue::Undefined);
}

QList<QJsonValue> JsonFilterSubject::values(const QString &lowerPath) const
{
    const QStringList parts = lowerPath.split(QLatin1Char('.'));
    const QJsonValue top = lookup(m_object, parts.constFirst());
    const QJsonArray topArray = top.toArray();
    QList<QJsonValue> level = top.isArray() ? QList<QJsonValue>(topArray.begin(), topArray.end())
                                            : QList<QJsonValue>{top};
    if (parts.size() == 2) {
        QList<QJsonValue> next;
        for (const QJsonValue &v : std::as_const(level)) {
            if (!v.isObject())
                continue;
            const QJsonValue sub = lookup(v.toObject(), parts.at(1));
            const QJsonArray subArray = sub.toArray();
            if (sub.isArray())
                next.append(QList<QJsonValue>(subArray.begin(), subArray.end()));
            else
                next.append(sub);
        }
        level = next;
    }
    QList<QJsonValue> out;
    for (const QJsonValue &v : std::as_const(level))
        if (!isEmptyValue(v))
            out.append(v);
    return out;
}

std::vector<std::unique_ptr<FilterSubject>> JsonFilterSubject::elements(const QString &lowerPath) const
{
    std::vector<std::unique_ptr<FilterSubject>> out;
    const QJsonValue v = lookup(m_object, lowerPath);
    const QJsonArray array = v.isArray() ? v.toArray() : QJsonArray{v};
    for (const QJsonValue &element : array)
        if (element.isObject())
            out.push_back(std::make_unique<JsonFilterSubject>(element.toObject()));
    return out;
}

bool matches(const FilterNode &filter, const FilterSubject &subject, const AttributeTypes &types)
{
    switch (filter.kind) {
    case FilterNode::Kind::And:
        return matches(*filter.children.at(0), subject, types) && matches(*filter.children.at(1), subject, types);
    case FilterNode::Kind::Or:
        return matches(*filter.children.at(0), subject, types) || matches(*filter.children.at(1), subject, types);
    case FilterNode::Kind::Not:
        return !matches(*filter.children.at(0), subject, types);
    case FilterNode::Kind::Present:
        return !subject.values(filter.attribute).isEmpty();
    case FilterNode::Kind::ValuePath: {
        // Inside the brackets attribute names carry the parent's prefix; strip it for the element.
        const QString prefix = filter.attribute + QLatin1Char('.');
        std::function<FilterPtr(const FilterPtr &)> relative = [&](const FilterPtr &node) {
            auto copy = std::make_shared<FilterNode>(*node);
            if (copy->attribute.startsWith(prefix))
                copy->attribute = copy->attribute.mid(prefix.size());
            for (auto &child : copy->children)
                child = relative(child);
            return copy;
        };
        const FilterPtr inner = relative(filter.children.at(0));
        const auto elementTypes = [&](const QString &path) { return types ? types(prefix + path) : std::nullopt; };
        for (const auto &element : subject.elements(filter.attribute))
            if (matches(*inner, *element, elementTypes))
                return true;
        return false;
    }
    case FilterNode::Kind::Compare: {
        const QList<QJsonValue> values = subject.values(filter.attribute);
        if (filter.value.isNull()) // "eq null": absent; "ne null": present
            return filter.op == FilterOp::Eq ? values.isEmpty() : !values.isEmpty();
        const std::optional<AttributeType> type = types ? types(filter.attribute) : std::nullopt;
        const bool caseExact = type == AttributeType::CaseExactString;
        if (values.isEmpty())
            return filter.op == FilterOp::Ne;
        if (filter.op == FilterOp::Ne) { // a multi-valued attribute matches ne only if no value is equal
            for (const QJsonValue &v : values)
                if (compareOne(v, FilterOp::Eq, filter.value, caseExact))
                    return false;
            return true;
        }
        for (const QJsonValue &v : values)
            if (compareOne(v, filter.op, filter.value, caseExact))
                return true;
        return false;
    }
    }
    return false;
}

} // namespace sandbox::scim
