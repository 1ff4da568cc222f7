package io.medvie.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class ReviewCommandTest {
    @Test
    void helpSaysHowTheFirstAdminIsMade() {
        StringWriter out = new StringWriter();
        CommandLine cmd = new CommandLine(new ReviewCommand());
        cmd.setOut(new PrintWriter(out));
        assertThat(cmd.execute("--help")).isZero();
        assertThat(out.toString())
                .contains("medvie.review.bootstrap.admin")
                .contains("--add-account")
                .contains("MEDVIE_REVIEW_PASSWORD");
    }

    @Test
    void missingSettingsAreNamedBeforeAnythingStarts() {
        ReviewCommand command = new ReviewCommand();
        new CommandLine(command).parseArgs("--registry", "http://127.0.0.1:1");
        assertThatThrownBy(command::call).hasMessageContaining("kafka.bootstrap.servers");
    }
}
