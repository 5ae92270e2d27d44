// The OpenGL header for each platform: WebGL2 (OpenGL ES 3.0) on the web,
// desktop OpenGL 3.3 core natively.
#pragma once
#ifdef __EMSCRIPTEN__
#include <GLES3/gl3.h>
#define CM_GLSL_VERSION "#version 300 es"
#else
#define GL_GLEXT_PROTOTYPES 1  // core 3.3 entry points, exported by libGL (libglvnd / Mesa)
#include <GL/gl.h>
#include <GL/glext.h>
#define CM_GLSL_VERSION "#version 330 core"
#endif
