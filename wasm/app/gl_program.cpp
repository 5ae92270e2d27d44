#include "app/gl_program.h"

#include "platform/assets.h"
#include "platform/gl.h"

namespace cm::app {

namespace {

// What the GL said about a shader or program that failed.
std::string info_log(GLuint id, bool program) {
    char log[1024] = {};
    if (program) glGetProgramInfoLog(id, sizeof log, nullptr, log);
    else glGetShaderInfoLog(id, sizeof log, nullptr, log);
    return log;
}

GLuint compile(GLenum kind, const char* asset, std::string& error) {
    const auto body = platform::find_asset(asset);
    if (!body) {
        error = std::string("the shader ") + asset + " is missing from the build";
        return 0;
    }
    std::string src = CM_GLSL_VERSION "\n";
#ifdef __EMSCRIPTEN__
    src += "precision mediump float;\n";
#endif
    src.append(body->data(), body->size());
    const GLuint s = glCreateShader(kind);
    const char* text = src.c_str();
    glShaderSource(s, 1, &text, nullptr);
    glCompileShader(s);
    GLint ok = 0;
    glGetShaderiv(s, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        error = std::string("the shader ") + asset + " did not compile: " + info_log(s, false);
        glDeleteShader(s);
        return 0;
    }
    return s;
}

}  // namespace

unsigned build_program(const char* vertex_asset, const char* fragment_asset,
                       const std::vector<std::pair<unsigned, const char*>>& attributes, std::string& error) {
    const GLuint vs = compile(GL_VERTEX_SHADER, vertex_asset, error);
    const GLuint fs = vs ? compile(GL_FRAGMENT_SHADER, fragment_asset, error) : 0;
    if (!vs || !fs) {
        if (vs) glDeleteShader(vs);
        return 0;
    }
    const GLuint program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    for (const auto& [index, name] : attributes) glBindAttribLocation(program, index, name);
    glLinkProgram(program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (!ok) {
        error = std::string("the shaders ") + vertex_asset + " and " + fragment_asset + " did not link: " + info_log(program, true);
        glDeleteProgram(program);
        return 0;
    }
    return program;
}

}  // namespace cm::app
