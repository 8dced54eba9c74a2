#include "AlmErrors.h"

#include "browser/InlineBanner.h"

#include <QCoreApplication>

namespace anadesk {

QString almErrorText(const QString &what, const ApiError &error)
{
    ApiError shown = error;
    if (shown.hint.isEmpty()) {
        switch (error.category) {
        case ErrorCategory::Permission:
            shown.hint = QCoreApplication::translate(
                "anadesk::AlmPanel",
                "ALM needs workspace administrator rights on every model involved (and a "
                "Professional or Enterprise subscription); ask your tenant administrator.");
            break;
        case ErrorCategory::ModelBusy:
            shown.hint = QCoreApplication::translate(
                "anadesk::AlmPanel",
                "The model is locked or another sync runs on it; wait for it to end, then "
                "try again.");
            break;
        case ErrorCategory::BadInput:
            shown.hint = QCoreApplication::translate(
                "anadesk::AlmPanel",
                "Read the server's details above: a deployed model cannot take revisions, "
                "and a model without structural changes since its latest revision cannot "
                "take another one.");
            break;
        default:
            break;
        }
    }
    return InlineBanner::describe(what, shown);
}

} // namespace anadesk
