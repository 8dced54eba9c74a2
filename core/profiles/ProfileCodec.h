#pragma once
// How a ConnectionProfile is laid out in the settings file: group "profiles/<id>", one key per field,
// stable names (see ProfileCodec.cpp). Reading is tolerant: a missing or unknown value falls back to
// the default, and validate() then tells the user what to fix. No secret is ever written here.
#include "ConnectionProfile.h"

#include <QSettings>

namespace anadesk {

// `settings` positioned at the profile's own group.
void writeProfile(QSettings &settings, const ConnectionProfile &profile);
ConnectionProfile readProfile(QSettings &settings, const QString &id);

} // namespace anadesk
