package io.medvie.synth;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.medvie.synth.generate.ReportGenerator;
import io.medvie.synth.generate.SynthOptions;
import io.medvie.synth.style.Style;
import io.medvie.synth.template.Templates;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Acceptance 2 and the ground-truth contract, over a few hundred seeds of every template. */
class DocumentsTest {

    private static final int REPORTS = 360;
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in =
                DocumentsTest.class.getResourceAsStream(
                        "/io/medvie/schemas/json/lab-report-v1.schema.json")) {
            assertThat(in).as("schema on the class path (medvie-schemas)").isNotNull();
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        }
    }

    private static ReportGenerator generator(long seed) {
        return new ReportGenerator(
                new SynthOptions(
                        REPORTS, Templates.all(), Style.PDF, seed, Path.of("unused"), 0, false, 1));
    }

    @Test
    void everyDocumentValidatesAndMatchesItsWords() {
        ReportGenerator gen = generator(2024);
        TreeMap<String, Integer> perTemplate = new TreeMap<>();
        int multiPage = 0;
        for (int i = 0; i < REPORTS; i++) {
            ReportGenerator.LaidOut r = gen.layout(i);
            Set<ValidationMessage> errors = schema.validate(r.document());
            assertThat(errors)
                    .as("schema errors of report %d (%s)", i, r.template().name())
                    .isEmpty();
            assertThat(Checks.wordsMatchDocument(r.pages(), r.document()))
                    .as("words vs document of report %d (%s)", i, r.template().name())
                    .isEmpty();
            assertThat(r.document().path("tests").size()).isGreaterThan(0);
            perTemplate.merge(r.template().name(), 1, Integer::sum);
            if (r.pages().size() > 1) {
                multiPage++;
            }
        }
        assertThat(perTemplate.keySet()).containsExactlyInAnyOrderElementsOf(Templates.names());
        assertThat(multiPage).as("multi-page reports").isGreaterThan(REPORTS / 10);
    }

    @Test
    void theWordCheckNoticesADocumentThatDisagreesWithThePage() {
        ReportGenerator.LaidOut r = generator(3).layout(0);
        ObjectNode doc = r.document().deepCopy();
        ((ObjectNode) doc.path("tests").get(0)).put("value", "999.9");
        assertThat(Checks.wordsMatchDocument(r.pages(), doc)).isNotEmpty();
        assertThat(Checks.expectedFlag("5,100", "4,000-10,000", "F", false)).isEqualTo("N");
        assertThat(Checks.expectedFlag("13,2", "M: 13,5-17,5 F: 12,0-15,5", "M", true))
                .isEqualTo("L");
    }

    @Test
    void flagsFollowValueAndPrintedRange() {
        ReportGenerator gen = generator(77);
        int numeric = 0;
        Set<String> flags = new TreeSet<>();
        for (int i = 0; i < 150; i++) {
            ReportGenerator.LaidOut r = gen.layout(i);
            boolean comma = r.template().name().equals("euro-letter");
            String sex = r.content().patient().sex().name();
            for (JsonNode t : r.document().path("tests")) {
                String expected =
                        Checks.expectedFlag(
                                t.path("value").asText(),
                                t.has("reference_range")
                                        ? t.path("reference_range").asText()
                                        : null,
                                sex,
                                comma);
                if (expected == null) {
                    continue;
                }
                numeric++;
                assertThat(t.path("flag").asText())
                        .as(
                                "flag of %s = %s [%s] in report %d",
                                t.path("name").asText(),
                                t.path("value").asText(),
                                t.path("reference_range").asText(),
                                i)
                        .isEqualTo(expected);
                flags.add(expected);
            }
        }
        assertThat(numeric).isGreaterThan(1000);
        assertThat(flags).containsExactly("H", "L", "N");
    }

    @Test
    void reportsShowWhatRealReportsShow() {
        ReportGenerator gen = generator(5);
        Set<String> units = new HashSet<>();
        Set<String> names = new HashSet<>();
        boolean sameNameTwice = false;
        boolean sexRanges = false;
        for (int i = 0; i < 200; i++) {
            JsonNode tests = gen.layout(i).document().path("tests");
            Set<String> seen = new HashSet<>();
            for (JsonNode t : tests) {
                units.add(t.path("unit").asText());
                names.add(t.path("name").asText());
                sameNameTwice |= !seen.add(t.path("name").asText());
                sexRanges |= t.path("reference_range").asText().contains("F");
            }
        }
        assertThat(names.size()).as("distinct printed test names").isGreaterThanOrEqualTo(60);
        assertThat(units)
                .contains("g/dL", "g/dl", "mmol/L", "x10^9/L", "cumm", "lakhs/cumm", "fL", "pg");
        assertThat(sameNameTwice).as("a test printed twice, told apart by its unit").isTrue();
        assertThat(sexRanges).as("ranges by sex on two lines").isTrue();
    }

    @Test
    void theSameIndexGivesTheSameDocumentWhateverElseIsGenerated() {
        ReportGenerator gen = generator(9);
        JsonNode later = gen.layout(41).document();
        gen.layout(3);
        assertThat(gen.layout(41).document()).isEqualTo(later);
        assertThat(generator(10).layout(41).document()).isNotEqualTo(later);
    }

    @Test
    void templatesCanBeHeldOut() {
        List<String> held = List.of("narrative", "sidebar");
        ReportGenerator gen =
                new ReportGenerator(
                        new SynthOptions(
                                50,
                                Templates.select(List.of(), held),
                                Style.CLEAN,
                                1,
                                Path.of("unused"),
                                0,
                                false,
                                1));
        for (int i = 0; i < 50; i++) {
            assertThat(gen.layout(i).template().name()).isNotIn(held);
        }
    }
}
