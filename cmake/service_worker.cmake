# Writes DIR/sw.js from TEMPLATE (web/sw.js.in): the list of the app's files with their SHA-256,
# and a build hash over them, so every build has its own cache and a new build is a new worker.
# Run at build time (CMakeLists.txt) and by the end-to-end tests to make a second build.
#   cmake -DDIR=build/wasm -DTEMPLATE=web/sw.js.in -P cmake/service_worker.cmake
cmake_minimum_required(VERSION 3.20)
if(NOT DIR OR NOT TEMPLATE)
    message(FATAL_ERROR "usage: cmake -DDIR=<build dir> -DTEMPLATE=<sw.js.in> -P service_worker.cmake")
endif()

# What the page loads, in the order it loads it. Anything added to the page goes here too.
set(files index.html footprint.css footprint-glue.js favicon.svg manifest.webmanifest footprint.js
    footprint.wasm footprint.data)

set(list "")
set(all "")
foreach(f ${files})
    if(NOT EXISTS "${DIR}/${f}")
        message(FATAL_ERROR "service worker: ${DIR}/${f} is missing")
    endif()
    file(SHA256 "${DIR}/${f}" hash)
    string(APPEND all "${f} ${hash}\n")
    if(list)
        string(APPEND list ",\n  ")
    endif()
    string(APPEND list "{ \"url\": \"${f}\", \"sha256\": \"${hash}\" }")
endforeach()
string(SHA256 build "${all}")
string(SUBSTRING "${build}" 0 16 FOOTPRINT_BUILD)
set(FOOTPRINT_FILES "[\n  ${list},\n]")
configure_file("${TEMPLATE}" "${DIR}/sw.js" @ONLY)
file(REMOVE "${DIR}/sw.js.in")
file(WRITE "${DIR}/build-id.txt" "${FOOTPRINT_BUILD}\n")
message(STATUS "service worker: build ${FOOTPRINT_BUILD}")
