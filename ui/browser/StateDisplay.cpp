#include "StateDisplay.h"

#include <QCoreApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace anadesk {

namespace {
// The translation context of this file's strings (lupdate reads StateDisplay::tr calls).
struct StateDisplay
{
    Q_DECLARE_TR_FUNCTIONS(anadesk::StateDisplay)
};

// Drawn rather than loaded: the platform has no SVG icon engine guaranteed, and two glyphs are enough.
QPixmap paintGlyph(ModelState state)
{
    const int size = 32;
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    QPen pen(QColor(0x40, 0x40, 0x40), 2.5);
    painter.setPen(pen);
    if (state == ModelState::Locked) {
        painter.setBrush(QColor(0xd9, 0x8c, 0x1f)); // amber body
        painter.drawRoundedRect(QRectF(6, 14, 20, 15), 2, 2);
        painter.setBrush(Qt::NoBrush);
        QPainterPath shackle;
        shackle.moveTo(10, 14);
        shackle.lineTo(10, 10);
        shackle.arcTo(QRectF(10, 3, 12, 14), 180, -180);
        shackle.lineTo(22, 14);
        painter.drawPath(shackle);
    } else {
        painter.setBrush(QColor(0x8a, 0x8a, 0x8a)); // grey box
        painter.drawRect(QRectF(5, 12, 22, 16));
        painter.drawRect(QRectF(3, 6, 26, 6));
        painter.drawLine(QPointF(12, 18), QPointF(20, 18));
    }
    return pixmap;
}
} // namespace

QString modelStateText(ModelState state, const QString &raw)
{
    switch (state) {
    case ModelState::Archived:
        return StateDisplay::tr("Archived");
    case ModelState::Unlocked:
        return StateDisplay::tr("Unlocked");
    case ModelState::Active:
        return StateDisplay::tr("Active");
    case ModelState::Production:
        return StateDisplay::tr("Production");
    case ModelState::Maintenance:
        return StateDisplay::tr("Maintenance");
    case ModelState::ProductionMaintenance:
        return StateDisplay::tr("Production (maintenance)");
    case ModelState::Locked:
        return StateDisplay::tr("Locked");
    case ModelState::Unknown:
        break;
    }
    return raw.isEmpty() ? StateDisplay::tr("Unknown") : raw;
}

QString modelStateExplanation(ModelState state)
{
    switch (state) {
    case ModelState::Archived:
        return StateDisplay::tr(
            "Archived: the model is offline; its files, imports and exports cannot be used until a "
            "workspace administrator unarchives it in Anaplan.");
    case ModelState::Locked:
        return StateDisplay::tr(
            "Locked: its objects can be listed, but uploads, file deletions and runs are refused until "
            "the model is unlocked in Anaplan.");
    case ModelState::Maintenance:
    case ModelState::ProductionMaintenance:
        return StateDisplay::tr("In maintenance: end users cannot use the model; administrators can.");
    case ModelState::Production:
        return StateDisplay::tr("Production model (deployed through ALM).");
    case ModelState::Unlocked:
        return StateDisplay::tr("Unlocked: available for use and changes.");
    case ModelState::Active:
        return StateDisplay::tr("Active.");
    case ModelState::Unknown:
        break;
    }
    return StateDisplay::tr("State not known to this version of Anadesk.");
}

bool isRestrictedState(ModelState state)
{
    return state == ModelState::Archived || state == ModelState::Locked;
}

QIcon modelStateIcon(ModelState state)
{
    if (!isRestrictedState(state))
        return {};
    return QIcon(paintGlyph(state));
}

QList<ModelState> knownModelStates()
{
    return {ModelState::Unlocked,
            ModelState::Active,
            ModelState::Production,
            ModelState::Maintenance,
            ModelState::ProductionMaintenance,
            ModelState::Locked,
            ModelState::Archived};
}

} // namespace anadesk
