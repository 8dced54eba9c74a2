# Linux desktop integration (freedesktop.org): the menu entry, the hicolor icons and the AppStream metainfo.
# Paths follow GNUInstallDirs, so the .deb (prefix /usr) and the portable .tar.gz share one layout.
install(FILES linux/anadesk.desktop DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)

install(FILES ${ANADESK_ICON_SVG} DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/scalable/apps)
foreach(size IN LISTS ANADESK_ICON_PNG_SIZES)
  install(FILES ${ANADESK_ICON_DIR}/hicolor/${size}x${size}/apps/anadesk.png
          DESTINATION ${CMAKE_INSTALL_DATADIR}/icons/hicolor/${size}x${size}/apps)
endforeach()

configure_file(linux/${ANADESK_APP_ID}.metainfo.xml.in ${CMAKE_CURRENT_BINARY_DIR}/${ANADESK_APP_ID}.metainfo.xml
               @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/${ANADESK_APP_ID}.metainfo.xml DESTINATION ${CMAKE_INSTALL_DATADIR}/metainfo)
