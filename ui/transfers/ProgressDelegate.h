#pragma once
// Draws a progress bar in a cell from a fraction (0..1) stored under `role`; a negative or missing value
// draws the cell's text as usual.
#include <QStyledItemDelegate>

namespace anadesk {

class ProgressDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    ProgressDelegate(int role, QObject *parent = nullptr)
        : QStyledItemDelegate(parent)
        , m_role(role)
    {}

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;

private:
    int m_role;
};

} // namespace anadesk
