#pragma once
// The sentence the Users view shows for a failed SCIM call: InlineBanner's "what failed, on which object,
// what to do", with advice that fits SCIM — a refusal (403) means the signed-in user lacks the User Admin
// role, which only a tenant administrator can grant.
#include "net/ApiError.h"

#include <QString>

namespace anadesk {

QString usersErrorText(const QString &what, const ApiError &error);

} // namespace anadesk
