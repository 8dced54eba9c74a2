#include "ModelTreeFilter.h"

#include "BrowserRoles.h"

namespace anadesk {

ModelTreeFilter::ModelTreeFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setSortRole(SortRole);
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setDynamicSortFilter(true);
}

void ModelTreeFilter::setText(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    invalidateFilter();
}

void ModelTreeFilter::setState(std::optional<ModelState> state)
{
    if (state == m_state)
        return;
    m_state = state;
    invalidateFilter();
}

bool ModelTreeFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!isFiltering())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const bool isModel = index.data(NodeKindRole).toInt() == int(NodeKind::Model);
    if (m_state) {
        // A state filter is about models: workspaces stay only for the models they hold (recursive).
        if (!isModel || index.data(ModelStateRole).toInt() != int(*m_state))
            return false;
    }
    if (m_text.isEmpty())
        return true;
    auto matches = [this](const QModelIndex &i) {
        return i.data(NameRole).toString().contains(m_text, Qt::CaseInsensitive) ||
               i.data(IdRole).toString().contains(m_text, Qt::CaseInsensitive);
    };
    if (matches(index))
        return true;
    // A model whose workspace matches the text is shown, so typing a workspace name lists its models.
    return isModel && matches(index.parent());
}

} // namespace anadesk
