#include "UsersErrors.h"

#include "browser/InlineBanner.h"

#include <QCoreApplication>

namespace anadesk {

QString usersErrorText(const QString &what, const ApiError &error)
{
    ApiError shown = error;
    if (error.category == ErrorCategory::Permission)
        shown.hint = QCoreApplication::translate(
            "anadesk::UsersView",
            "Ask your tenant administrator for the User Admin role; without it Anaplan does not show or "
            "change users.");
    else if (error.category == ErrorCategory::BadInput && error.hint.isEmpty() && error.httpStatus == 400)
        shown.hint = QCoreApplication::translate("anadesk::UsersView",
                                                 "Correct the value the server named and try again.");
    else if (error.category == ErrorCategory::ModelBusy && error.httpStatus == 409)
        shown.hint = QCoreApplication::translate(
            "anadesk::UsersView", "A user with this user name exists already; search for it instead.");
    return InlineBanner::describe(what, shown);
}

} // namespace anadesk
