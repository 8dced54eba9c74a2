#pragma once
// The sentence the ALM panel shows for a failed ALM call: InlineBanner's "what failed, on which object, what
// to do", with advice that fits ALM (rights on both models, locked or deployed models, one sync at a time).
#include "net/ApiError.h"

#include <QString>

namespace anadesk {

QString almErrorText(const QString &what, const ApiError &error);

} // namespace anadesk
