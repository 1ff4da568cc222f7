package io.medvie.review.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReviewHttpServerTest {
    @Test
    void afterLoginOnlyLocalPathsAreFollowed() {
        assertThat(ReviewHttpServer.safeNext("/tasks/t-1")).isEqualTo("/tasks/t-1");
        assertThat(ReviewHttpServer.safeNext("/admin")).isEqualTo("/admin");
        assertThat(ReviewHttpServer.safeNext(null)).isEqualTo("/");
        assertThat(ReviewHttpServer.safeNext("https://evil.example/")).isEqualTo("/");
        assertThat(ReviewHttpServer.safeNext("//evil.example/")).isEqualTo("/");
        assertThat(ReviewHttpServer.safeNext("/\\evil.example")).isEqualTo("/");
        assertThat(ReviewHttpServer.safeNext("/x\"><script>")).isEqualTo("/");
        assertThat(ReviewHttpServer.safeNext("/login")).isEqualTo("/");
    }

    @Test
    void templateValuesAreEscaped() {
        assertThat(ReviewHttpServer.escape("<a href=\"x\">'&'</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assertThat(ReviewHttpServer.escape(null)).isEmpty();
    }
}
