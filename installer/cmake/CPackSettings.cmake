# CPack: one configuration, per-platform generators. `cpack` in the build tree (or the `package` target) makes
#   Linux:   anadesk_<version>_<arch>.deb and anadesk-<version>-linux-<arch>.tar.gz
#   Windows: an NSIS installer (Start-menu shortcut, uninstaller) and a .zip
#   macOS:   a .dmg holding anadesk.app
set(CPACK_PACKAGE_NAME anadesk)
set(CPACK_PACKAGE_VENDOR "${ANADESK_VENDOR}")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "${PROJECT_DESCRIPTION}")
# Wrapped below 80 columns: the Debian generator keeps the lines as they are (policy §5.6.13).
string(CONCAT CPACK_PACKAGE_DESCRIPTION
  "Anadesk is a native desktop console for administering Anaplan: workspaces,\n"
  "models, imports, exports, processes and file transfers with a task monitor.\n"
  "It comes with anadesk-cli, a scriptable client, and anadesk-sandbox, a local\n"
  "server that speaks the Anaplan API, so the application can be tried without\n"
  "an Anaplan account.")
set(CPACK_PACKAGE_CONTACT "${ANADESK_PACKAGE_CONTACT}")
set(CPACK_PACKAGE_INSTALL_DIRECTORY "Anadesk")
set(CPACK_PACKAGE_EXECUTABLES anadesk "Anadesk") # Start-menu shortcut (NSIS)
set(CPACK_RESOURCE_FILE_README ${PROJECT_SOURCE_DIR}/README.md)
if(EXISTS ${PROJECT_SOURCE_DIR}/LICENSE)
  set(CPACK_RESOURCE_FILE_LICENSE ${PROJECT_SOURCE_DIR}/LICENSE)
else()
  # The project has not chosen a licence yet; the installers show this notice instead of CMake's sample text.
  set(CPACK_RESOURCE_FILE_LICENSE ${CMAKE_CURRENT_SOURCE_DIR}/NOTICE.txt)
endif()
set(CPACK_STRIP_FILES ON)          # RelWithDebInfo binaries carry ~10× their size in debug info
set(CPACK_VERBATIM_VARIABLES ON)   # values reach CPackConfig.cmake as written (backslashes in NSIS paths)
set(CPACK_PROJECT_CONFIG_FILE ${CMAKE_CURRENT_BINARY_DIR}/CPackProjectConfig.cmake)
configure_file(CPackProjectConfig.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/CPackProjectConfig.cmake @ONLY)

if(WIN32)
  set(CPACK_GENERATOR NSIS ZIP)
  set(CPACK_NSIS_PACKAGE_NAME "Anadesk ${PROJECT_VERSION}")
  set(CPACK_NSIS_DISPLAY_NAME "Anadesk")
  set(CPACK_NSIS_MUI_ICON ${ANADESK_ICON_ICO})
  set(CPACK_NSIS_MUI_UNIICON ${ANADESK_ICON_ICO})
  set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\anadesk.exe") # Apps & features list
  set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
  set(CPACK_NSIS_MODIFY_PATH ON) # offers to put bin\ (anadesk-cli) on PATH
  set(CPACK_NSIS_EXECUTABLES_DIRECTORY bin)
  set(CPACK_NSIS_MUI_FINISHPAGE_RUN anadesk.exe)
elseif(APPLE)
  set(CPACK_GENERATOR DragNDrop)
  set(CPACK_DMG_VOLUME_NAME "Anadesk ${PROJECT_VERSION}")
  set(CPACK_DMG_FORMAT UDZO)
else()
  set(CPACK_GENERATOR DEB TGZ)
  # Debian: the shared-library dependencies come from dpkg-shlibdeps (Qt 6.4 on Debian 12 gives libqt6core6
  # (>= 6.4.2) …); the rest are run-time plugins and dlopen()ed libraries no ELF header names.
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libqt6svg6, qt6-qpa-plugins, libsecret-1-0") # SVG icons; the xcb/wayland platform plugins; keychain backend
  set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager, qt6-translations-l10n")
  set(CPACK_DEBIAN_PACKAGE_SECTION misc)
  set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
  set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT) # anadesk_0.1.0_amd64.deb
  set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
endif()

include(CPack)
