#pragma once
// The app's SVG icons (resources/icons, compiled into the ui library as :/icons/<name>.svg).
#include <QIcon>
#include <QString>

namespace anadesk {

// icon("connected") → :/icons/connected.svg; a missing name gives a null icon (and a warning once).
QIcon icon(const QString &name);

} // namespace anadesk
