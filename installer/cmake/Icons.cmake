# The application icon for every platform, rendered at build time from resources/icons/anadesk.svg by
# anadesk-icon-tool (Qt's SVG plugin): hicolor PNGs (Linux), anadesk.ico (Windows), anadesk.icns (macOS).
add_subdirectory(tools/icon-tool)

set(ANADESK_ICON_SVG ${PROJECT_SOURCE_DIR}/resources/icons/anadesk.svg)
set(ANADESK_ICON_DIR ${CMAKE_CURRENT_BINARY_DIR}/icons)
set(ANADESK_ICON_PNG_SIZES 16 22 24 32 48 64 128 256 512)
set(ANADESK_ICON_ICO ${ANADESK_ICON_DIR}/anadesk.ico)
set(ANADESK_ICON_ICNS ${ANADESK_ICON_DIR}/anadesk.icns)

set(icon_outputs ${ANADESK_ICON_ICO} ${ANADESK_ICON_ICNS})
foreach(size IN LISTS ANADESK_ICON_PNG_SIZES)
  list(APPEND icon_outputs ${ANADESK_ICON_DIR}/hicolor/${size}x${size}/apps/anadesk.png)
endforeach()
list(JOIN ANADESK_ICON_PNG_SIZES "," png_sizes)

# On Windows a freshly built Qt program finds the Qt DLLs only through PATH.
set(tool_env "")
if(WIN32)
  set(tool_env --modify "PATH=path_list_prepend:$<TARGET_FILE_DIR:Qt6::Core>")
endif()
add_custom_command(
  OUTPUT ${icon_outputs}
  COMMAND ${CMAKE_COMMAND} -E env ${tool_env} $<TARGET_FILE:anadesk-icon-tool>
          --svg ${ANADESK_ICON_SVG} --out ${ANADESK_ICON_DIR} --name anadesk --png-sizes ${png_sizes}
  DEPENDS anadesk-icon-tool ${ANADESK_ICON_SVG}
  COMMENT "Rendering the application icon (PNG, ICO, ICNS)"
  VERBATIM)
add_custom_target(anadesk_icons ALL DEPENDS ${icon_outputs})
set_target_properties(anadesk_icons PROPERTIES ANADESK_ICON_DIR ${ANADESK_ICON_DIR})
