#pragma once
// Filters the workspaces → models tree by text (a model's or workspace's name or id, case-insensitive) and by
// model state. Recursive: a workspace stays visible when one of its models matches. Sorts by SortRole so
// sizes sort as numbers.
#include "types/Model.h"

#include <QSortFilterProxyModel>
#include <optional>

namespace anadesk {

class ModelTreeFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit ModelTreeFilter(QObject *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    // std::nullopt: every state.
    void setState(std::optional<ModelState> state);
    std::optional<ModelState> state() const { return m_state; }
    bool isFiltering() const { return !m_text.isEmpty() || m_state.has_value(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_text;
    std::optional<ModelState> m_state;
};

} // namespace anadesk
