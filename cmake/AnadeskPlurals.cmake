# English plural forms. English is the source language, so "%n file(s)" needs a translation of its own to
# read "1 file" / "2 files": translations/anadesk_en.ts holds only the numerus messages (lupdate -pluralonly).
# anadesk_embed_english_plurals(target) compiles it once and embeds it as :/i18n/anadesk_en.qm; the apps load
# it when no other translation matches the locale. `update_english_plurals` refreshes the file from the sources.
set(ANADESK_EN_TS ${PROJECT_SOURCE_DIR}/translations/anadesk_en.ts)
set(ANADESK_EN_QM_DIR ${PROJECT_BINARY_DIR}/i18n-en)
set(ANADESK_EN_QM ${ANADESK_EN_QM_DIR}/anadesk_en.qm)

function(anadesk_embed_english_plurals target)
  if(NOT TARGET Qt6::lrelease OR NOT EXISTS ${ANADESK_EN_TS})
    return()
  endif()
  if(NOT TARGET anadesk_en_qm)
    add_custom_command(OUTPUT ${ANADESK_EN_QM}
      COMMAND ${CMAKE_COMMAND} -E make_directory ${ANADESK_EN_QM_DIR}
      COMMAND Qt6::lrelease -silent ${ANADESK_EN_TS} -qm ${ANADESK_EN_QM}
      DEPENDS ${ANADESK_EN_TS} VERBATIM)
    add_custom_target(anadesk_en_qm DEPENDS ${ANADESK_EN_QM})
    file(GLOB_RECURSE sources CONFIGURE_DEPENDS
      ${PROJECT_SOURCE_DIR}/ui/*.cpp ${PROJECT_SOURCE_DIR}/ui/*.h
      ${PROJECT_SOURCE_DIR}/core/*.cpp ${PROJECT_SOURCE_DIR}/core/*.h
      ${PROJECT_SOURCE_DIR}/app/desktop/*.cpp ${PROJECT_SOURCE_DIR}/app/cli/*.cpp ${PROJECT_SOURCE_DIR}/app/cli/*.h)
    list(JOIN sources "\n" source_lines)
    file(WRITE ${ANADESK_EN_QM_DIR}/sources.lst "${source_lines}\n")
    add_custom_target(update_english_plurals
      COMMAND Qt6::lupdate -silent -pluralonly -no-obsolete -locations none -source-language en
              -target-language en @${ANADESK_EN_QM_DIR}/sources.lst -ts ${ANADESK_EN_TS}
      COMMENT "Updating translations/anadesk_en.ts (plural forms only)" VERBATIM)
  endif()
  add_dependencies(${target} anadesk_en_qm)
  qt_add_resources(${target} "${target}_english_plurals" PREFIX "/i18n" BASE ${ANADESK_EN_QM_DIR}
                   FILES ${ANADESK_EN_QM})
endfunction()
