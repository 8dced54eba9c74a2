# macOS: anadesk.app with its own Info.plist and icon; anadesk-cli and anadesk-sandbox travel inside the bundle
# (Contents/MacOS, where "Try the sandbox" looks for the sandbox). Not built on this project's Debian machines:
# written from the CMake and Qt documentation (installer/README.md).
# Qt 6.4 supports macOS 10.14+, Qt 6.5+ macOS 11+; a deployment target set by the builder wins.
if(CMAKE_OSX_DEPLOYMENT_TARGET)
  set(ANADESK_MACOS_MINIMUM ${CMAKE_OSX_DEPLOYMENT_TARGET})
elseif(Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
  set(ANADESK_MACOS_MINIMUM 11.0)
else()
  set(ANADESK_MACOS_MINIMUM 10.14)
endif()
set(ANADESK_BUNDLE_EXECUTABLE anadesk)
configure_file(macos/Info.plist.in ${CMAKE_CURRENT_BINARY_DIR}/Info.plist @ONLY)
set_target_properties(anadesk PROPERTIES
  MACOSX_BUNDLE_INFO_PLIST ${CMAKE_CURRENT_BINARY_DIR}/Info.plist
  MACOSX_BUNDLE_GUI_IDENTIFIER ${ANADESK_APP_ID}
  MACOSX_BUNDLE_BUNDLE_VERSION ${PROJECT_VERSION}
  MACOSX_BUNDLE_SHORT_VERSION_STRING ${PROJECT_VERSION})

install(FILES ${ANADESK_ICON_ICNS} DESTINATION anadesk.app/Contents/Resources)
install(TARGETS anadesk-cli anadesk-sandbox RUNTIME DESTINATION anadesk.app/Contents/MacOS)

# The rules of app/cli and app/sandbox also put copies into bin/; those would link against the build machine's Qt,
# so the disk image leaves them out (the deployed copies inside the bundle are the ones to use).
set(CPACK_PRE_BUILD_SCRIPTS ${CMAKE_CURRENT_SOURCE_DIR}/macos/drop-unbundled-tools.cmake)
