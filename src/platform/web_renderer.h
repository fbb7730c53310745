// Draws ImGui's frames with WebGL2. Flipside owns the canvas's context and nothing else draws
// into it, so unlike ImGui's generic OpenGL3 backend this renderer never reads GL state back
// (every glGet*/getParameter call stalls the page until the GPU process answers): it sets
// the state it needs each frame and leaves it so.
#pragma once

#include <vector>

#include <GLES3/gl3.h>
#include <imgui.h>

namespace flipside::platform::web {

class WebRenderer {
public:
    // Compiles the shader and makes the buffers; once, with the context current. False (and a
    // message on stderr) when the shader does not compile.
    bool init(ImGuiIO& io);
    // Uploads the font atlas ImGui built (again after the fonts were rebuilt for a new pixel
    // ratio) and hands its texture to ImGui.
    void upload_fonts(ImGuiIO& io);
    // Clears the framebuffer to `clear` and draws the frame.
    void render(const ImDrawData& draw_data, int framebuffer_width, int framebuffer_height, const ImVec4& clear);

private:
    void set_render_state(const ImDrawData& draw_data, int framebuffer_width, int framebuffer_height);
    void point_attributes(std::size_t first_vertex);

    GLuint program_ = 0;
    GLint projection_location_ = -1;
    GLuint vertex_array_ = 0;
    GLuint vertex_buffer_ = 0;
    GLuint index_buffer_ = 0;
    GLuint font_texture_ = 0;
    // Every draw list of a frame goes up in one upload per buffer: fewer WebGL calls.
    std::vector<ImDrawVert> vertices_;
    std::vector<ImDrawIdx> indices_;
};

}  // namespace flipside::platform::web
