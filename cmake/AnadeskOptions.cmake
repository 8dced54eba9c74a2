# One INTERFACE target carries the language standard, warnings and strict Qt defines
# for every target of the project, so no target can quietly opt out of them.
add_library(anadesk_options INTERFACE)
add_library(Anadesk::options ALIAS anadesk_options)
target_compile_features(anadesk_options INTERFACE cxx_std_20)
target_compile_definitions(anadesk_options INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_FOREACH
  QT_NO_KEYWORDS
  QT_USE_QSTRINGBUILDER
  QT_DISABLE_DEPRECATED_BEFORE=0x060400
  QT_MESSAGELOGCONTEXT)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(anadesk_options INTERFACE -Wall -Wextra -Wpedantic -Wshadow=local
    -Wnon-virtual-dtor -Wcast-align -Wunused -Woverloaded-virtual -Wimplicit-fallthrough)
  if(ANADESK_WERROR)
    # Deprecations stay warnings: the code targets Qt 6.4 (Debian 12), and a newer Qt deprecates APIs that 6.4
    # has no replacement for (e.g. Qt 6.9 the Qt::TimeSpec overloads of QDateTime, whose QTimeZone::UTC
    # replacement arrived in 6.5); a build against it must not fail for that.
    target_compile_options(anadesk_options INTERFACE -Werror -Wno-error=deprecated-declarations)
  endif()
elseif(MSVC)
  target_compile_options(anadesk_options INTERFACE /W4 /permissive- /utf-8)
  if(ANADESK_WERROR)
    target_compile_options(anadesk_options INTERFACE /WX)
  endif()
endif()
