# CPack pre-build script (macOS disk image): removes the bin/ copies of anadesk-cli and anadesk-sandbox from the
# staging tree, keeping the deployed copies inside anadesk.app. Runs after installation, before the image is made.
file(GLOB_RECURSE bundles LIST_DIRECTORIES true "${CPACK_TEMPORARY_INSTALL_DIRECTORY}/*anadesk.app")
foreach(bundle IN LISTS bundles)
  get_filename_component(root "${bundle}" DIRECTORY)
  if(EXISTS "${root}/bin")
    message(STATUS "Anadesk: leaving ${root}/bin out of the disk image (the tools are inside anadesk.app)")
    file(REMOVE_RECURSE "${root}/bin")
  endif()
endforeach()
