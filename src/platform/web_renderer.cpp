// WebGL2 renderer for ImGui's draw data (see web_renderer.h).
#include "platform/web_renderer.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace flipside::platform::web {
namespace {

// Fixed attribute locations: no glGetAttribLocation, and the VAO is set up once.
constexpr GLuint kPosition = 0;
constexpr GLuint kUv = 1;
constexpr GLuint kColor = 2;

const char* const kVertexShader = R"(#version 300 es
precision highp float;
layout(location = 0) in vec2 position;
layout(location = 1) in vec2 uv;
layout(location = 2) in vec4 color;
uniform mat4 projection;
out vec2 frag_uv;
out vec4 frag_color;
void main() {
    frag_uv = uv;
    frag_color = color;
    gl_Position = projection * vec4(position, 0.0, 1.0);
}
)";

const char* const kFragmentShader = R"(#version 300 es
precision mediump float;
uniform sampler2D atlas;
in vec2 frag_uv;
in vec4 frag_color;
layout(location = 0) out vec4 out_color;
void main() {
    out_color = frag_color * texture(atlas, frag_uv);
}
)";

// Compile status is read back at start-up only: a stall there costs nothing per frame.
GLuint compile(GLenum type, const char* source) {
    const GLuint shader = glCreateShader(type);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    GLint ok = GL_FALSE;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok != GL_TRUE) {
        char log[1024] = {};
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        std::fprintf(stderr, "Flipside: a shader did not compile: %s\n", log);
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

GLuint texture_name(ImTextureID id) { return static_cast<GLuint>(reinterpret_cast<std::intptr_t>(id)); }

}  // namespace

bool WebRenderer::init(ImGuiIO& io) {
    io.BackendRendererName = "flipside_webgl2";
    // Draw lists may pass 64k vertices with 16-bit indices: each command's vertex offset
    // becomes the attribute pointers' start (WebGL2 has no base-vertex draw).
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;

    const GLuint vertex = compile(GL_VERTEX_SHADER, kVertexShader);
    const GLuint fragment = compile(GL_FRAGMENT_SHADER, kFragmentShader);
    if (vertex == 0 || fragment == 0) return false;
    program_ = glCreateProgram();
    glAttachShader(program_, vertex);
    glAttachShader(program_, fragment);
    glLinkProgram(program_);
    glDeleteShader(vertex);  // the program keeps them
    glDeleteShader(fragment);
    GLint linked = GL_FALSE;
    glGetProgramiv(program_, GL_LINK_STATUS, &linked);
    if (linked != GL_TRUE) {
        std::fprintf(stderr, "Flipside: the shader program did not link\n");
        return false;
    }
    projection_location_ = glGetUniformLocation(program_, "projection");
    glUseProgram(program_);
    glUniform1i(glGetUniformLocation(program_, "atlas"), 0);  // texture unit 0, for good

    glGenVertexArrays(1, &vertex_array_);
    glGenBuffers(1, &vertex_buffer_);
    glGenBuffers(1, &index_buffer_);
    glBindVertexArray(vertex_array_);
    glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, index_buffer_);  // part of the VAO's state
    glEnableVertexAttribArray(kPosition);
    glEnableVertexAttribArray(kUv);
    glEnableVertexAttribArray(kColor);
    point_attributes(0);
    return true;
}

void WebRenderer::upload_fonts(ImGuiIO& io) {
    unsigned char* pixels = nullptr;
    int width = 0;
    int height = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    if (font_texture_ != 0) glDeleteTextures(1, &font_texture_);
    glGenTextures(1, &font_texture_);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, font_texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(font_texture_)));
}

void WebRenderer::point_attributes(std::size_t first_vertex) {
    const std::size_t base = first_vertex * sizeof(ImDrawVert);
    const auto at = [base](std::size_t field) { return reinterpret_cast<const void*>(base + field); };
    glVertexAttribPointer(kPosition, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(kUv, 2, GL_FLOAT, GL_FALSE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(kColor, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(ImDrawVert), at(offsetof(ImDrawVert, col)));
}

// Everything the draws below rely on, set outright: nothing is read back to be restored,
// because nothing else uses this context.
void WebRenderer::set_render_state(const ImDrawData& d, int framebuffer_width, int framebuffer_height) {
    glViewport(0, 0, framebuffer_width, framebuffer_height);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    glUseProgram(program_);
    const float left = d.DisplayPos.x;
    const float right = d.DisplayPos.x + d.DisplaySize.x;
    const float top = d.DisplayPos.y;
    const float bottom = d.DisplayPos.y + d.DisplaySize.y;
    const float projection[16] = {
        2.0f / (right - left), 0, 0, 0,
        0, 2.0f / (top - bottom), 0, 0,
        0, 0, -1.0f, 0,
        (right + left) / (left - right), (top + bottom) / (bottom - top), 0, 1.0f,
    };
    glUniformMatrix4fv(projection_location_, 1, GL_FALSE, projection);
    glActiveTexture(GL_TEXTURE0);
    glBindVertexArray(vertex_array_);
    glBindBuffer(GL_ARRAY_BUFFER, vertex_buffer_);
}

void WebRenderer::render(const ImDrawData& d, int framebuffer_width, int framebuffer_height, const ImVec4& clear) {
    glDisable(GL_SCISSOR_TEST);  // the clear covers the whole canvas
    glViewport(0, 0, framebuffer_width, framebuffer_height);
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    if (framebuffer_width <= 0 || framebuffer_height <= 0 || d.TotalVtxCount == 0) return;

    vertices_.resize(static_cast<std::size_t>(d.TotalVtxCount));
    indices_.resize(static_cast<std::size_t>(d.TotalIdxCount));
    std::size_t vertex_at = 0;
    std::size_t index_at = 0;
    for (const ImDrawList* list : d.CmdLists) {
        std::memcpy(vertices_.data() + vertex_at, list->VtxBuffer.Data, list->VtxBuffer.size_in_bytes());
        std::memcpy(indices_.data() + index_at, list->IdxBuffer.Data, list->IdxBuffer.size_in_bytes());
        vertex_at += static_cast<std::size_t>(list->VtxBuffer.Size);
        index_at += static_cast<std::size_t>(list->IdxBuffer.Size);
    }

    set_render_state(d, framebuffer_width, framebuffer_height);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices_.size() * sizeof(ImDrawVert)), vertices_.data(),
                 GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(indices_.size() * sizeof(ImDrawIdx)),
                 indices_.data(), GL_STREAM_DRAW);

    const ImVec2 origin = d.DisplayPos;
    const ImVec2 scale = d.FramebufferScale;
    const GLenum index_type = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;
    GLuint bound_texture = 0;
    std::size_t pointed_vertex = 0;  // where the attribute pointers start (point_attributes)
    bool attributes_known = false;
    std::size_t list_vertex = 0;
    std::size_t list_index = 0;
    for (const ImDrawList* list : d.CmdLists) {
        for (const ImDrawCmd& cmd : list->CmdBuffer) {
            if (cmd.UserCallback != nullptr) {
                if (cmd.UserCallback == ImDrawCallback_ResetRenderState) {
                    set_render_state(d, framebuffer_width, framebuffer_height);
                    bound_texture = 0;
                    attributes_known = false;
                } else {
                    cmd.UserCallback(list, &cmd);
                }
                continue;
            }
            // The clip rectangle in framebuffer pixels; GL counts rows from the bottom.
            float x0 = (cmd.ClipRect.x - origin.x) * scale.x;
            float y0 = (cmd.ClipRect.y - origin.y) * scale.y;
            float x1 = (cmd.ClipRect.z - origin.x) * scale.x;
            float y1 = (cmd.ClipRect.w - origin.y) * scale.y;
            if (x0 < 0) x0 = 0;
            if (y0 < 0) y0 = 0;
            if (x1 > static_cast<float>(framebuffer_width)) x1 = static_cast<float>(framebuffer_width);
            if (y1 > static_cast<float>(framebuffer_height)) y1 = static_cast<float>(framebuffer_height);
            if (x1 <= x0 || y1 <= y0 || cmd.ElemCount == 0) continue;
            glScissor(static_cast<GLint>(x0), static_cast<GLint>(static_cast<float>(framebuffer_height) - y1),
                      static_cast<GLsizei>(x1 - x0), static_cast<GLsizei>(y1 - y0));

            const GLuint texture = texture_name(cmd.GetTexID());
            if (texture != bound_texture) {
                glBindTexture(GL_TEXTURE_2D, texture);
                bound_texture = texture;
            }
            const std::size_t first_vertex = list_vertex + cmd.VtxOffset;
            if (!attributes_known || first_vertex != pointed_vertex) {
                point_attributes(first_vertex);
                pointed_vertex = first_vertex;
                attributes_known = true;
            }
            const std::size_t first_index = list_index + cmd.IdxOffset;
            glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(cmd.ElemCount), index_type,
                           reinterpret_cast<const void*>(first_index * sizeof(ImDrawIdx)));
        }
        list_vertex += static_cast<std::size_t>(list->VtxBuffer.Size);
        list_index += static_cast<std::size_t>(list->IdxBuffer.Size);
    }
}

}  // namespace flipside::platform::web
