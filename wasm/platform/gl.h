// The OpenGL header for each platform: WebGL2 (OpenGL ES 3.0) on the web,
// desktop OpenGL 3.3 core natively.
#pragma once
#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#define CM_GLSL_VERSION "#version 300 es"
#else
#include <GL/gl.h>
#define CM_GLSL_VERSION "#version 330 core"
#endif
