# Windows: the icon and version resource of anadesk.exe, and the DLLs an installed copy needs.
# Not built on this project's Debian machines: written from the CMake and Qt documentation (installer/README.md).
configure_file(windows/anadesk.rc.in ${CMAKE_CURRENT_BINARY_DIR}/anadesk.rc @ONLY)
target_sources(anadesk PRIVATE ${CMAKE_CURRENT_BINARY_DIR}/anadesk.rc)
add_dependencies(anadesk anadesk_icons) # the .rc embeds the generated anadesk.ico

# Qt's DLLs and plugins come from windeployqt (installer/cmake/QtDeploy.cmake). windeployqt copies only Qt's own
# libraries, so the other DLLs the three programs link (QtKeychain, OpenSSL's libcrypto, zlib) are collected
# here from the link graph; Windows' own DLLs stay out.
install(TARGETS anadesk anadesk-cli anadesk-sandbox
  RUNTIME_DEPENDENCY_SET anadesk_runtime_dlls
  RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
set(dll_dirs "$<TARGET_FILE_DIR:Qt6::Core>")
if(TARGET qt6keychain)
  list(APPEND dll_dirs "$<TARGET_FILE_DIR:qt6keychain>")
endif()
foreach(root IN ITEMS "${OPENSSL_ROOT_DIR}" "${ZLIB_ROOT}")
  if(root)
    list(APPEND dll_dirs "${root}/bin")
  endif()
endforeach()
install(RUNTIME_DEPENDENCY_SET anadesk_runtime_dlls
  DESTINATION ${CMAKE_INSTALL_BINDIR}
  DIRECTORIES ${dll_dirs}
  PRE_EXCLUDE_REGEXES "^api-ms-" "^ext-ms-" "^[Qq]t6" # Qt: windeployqt's job
  POST_EXCLUDE_REGEXES ".*[Ss]ystem32/.*\\.dll$" ".*[Ss]ys[Ww][Oo][Ww]64/.*\\.dll$")
