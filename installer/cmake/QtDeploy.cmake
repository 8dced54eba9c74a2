# Copies Qt's libraries and plugins next to the installed programs on Windows (windeployqt) and into the app bundle
# on macOS (macdeployqt), at install time, so that `cmake --install` and every CPack generator get a self-contained
# tree. Linux packages use the distribution's Qt instead (the .deb depends on it).
#
# Qt 6.4 and 6.5 differ here (see installer/README.md):
#   - qt_generate_deploy_app_script(): 6.4 names its output FILENAME_VARIABLE, 6.5 renamed it OUTPUT_SCRIPT;
#   - qt_generate_deploy_script() (a custom deployment script) exists from 6.5 only;
#   - qt_deploy_runtime_dependencies(EXECUTABLE): 6.4 takes a path relative to the install prefix, 6.5 a build-tree
#     path such as $<TARGET_FILE:...>; an app bundle is named relative to the prefix (anadesk.app) in both.
# macOS needs the custom form: the bundle also carries anadesk-cli and anadesk-sandbox (ADDITIONAL_EXECUTABLES),
# whose Qt references macdeployqt must rewrite too. On Windows the three programs share bin/, so deploying the
# app's Qt DLLs serves all of them.
set(bundle_tools
  "$<TARGET_FILE_NAME:anadesk>.app/Contents/MacOS/$<TARGET_FILE_NAME:anadesk-cli>"
  "$<TARGET_FILE_NAME:anadesk>.app/Contents/MacOS/$<TARGET_FILE_NAME:anadesk-sandbox>")
list(JOIN bundle_tools "\"\n        \"" bundle_tools)
set(bundle_deploy_call "qt_deploy_runtime_dependencies(
    EXECUTABLE \"$<TARGET_FILE_NAME:anadesk>.app\"
    ADDITIONAL_EXECUTABLES
        \"${bundle_tools}\")
")

if(Qt6_VERSION VERSION_GREATER_EQUAL 6.5)
  if(APPLE)
    qt_generate_deploy_script(TARGET anadesk OUTPUT_SCRIPT anadesk_deploy_script CONTENT "${bundle_deploy_call}")
  else()
    qt_generate_deploy_app_script(TARGET anadesk OUTPUT_SCRIPT anadesk_deploy_script NO_UNSUPPORTED_PLATFORM_ERROR)
  endif()
else()
  if(APPLE)
    # 6.4 has no qt_generate_deploy_script(): write the same script by hand around Qt's deploy support file.
    get_cmake_property(multi_config GENERATOR_IS_MULTI_CONFIG)
    set(anadesk_deploy_script ${CMAKE_CURRENT_BINARY_DIR}/deploy_anadesk_bundle$<$<BOOL:${multi_config}>:-$<CONFIG>>.cmake)
    file(GENERATE OUTPUT ${anadesk_deploy_script}
         CONTENT "include(\"${QT_DEPLOY_SUPPORT}\")\n${bundle_deploy_call}")
  else()
    qt_generate_deploy_app_script(TARGET anadesk FILENAME_VARIABLE anadesk_deploy_script NO_UNSUPPORTED_PLATFORM_ERROR)
  endif()
endif()
install(SCRIPT ${anadesk_deploy_script})
