package io.medvie.synth.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The registry of layout templates, in a fixed order (it decides which template a seed gets). */
public final class Templates {

    private static final List<Template> ALL =
            List.of(
                    new ClassicTemplate(),
                    new IndianLabTemplate(),
                    new BoxedGridTemplate(),
                    new TwoColumnTemplate(),
                    new LisMonoTemplate(),
                    new SidebarTemplate(),
                    new EuroLetterTemplate(),
                    new NarrativeTemplate(),
                    new CumulativeTemplate());

    private Templates() {}

    public static List<Template> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(Template::name).toList();
    }

    public static Template byName(String name) {
        for (Template t : ALL) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException(
                "unknown template '" + name + "'; known: " + String.join(", ", names()));
    }

    /**
     * The templates named in {@code include} (all when empty) minus those in {@code exclude}, in
     * registry order; fails on an unknown name or an empty result.
     */
    public static List<Template> select(List<String> include, List<String> exclude) {
        Set<String> in = new LinkedHashSet<>();
        for (String n : include) {
            in.add(byName(n.trim()).name());
        }
        Set<String> out = new LinkedHashSet<>();
        for (String n : exclude) {
            out.add(byName(n.trim()).name());
        }
        List<Template> chosen = new ArrayList<>();
        for (Template t : ALL) {
            if ((in.isEmpty() || in.contains(t.name())) && !out.contains(t.name())) {
                chosen.add(t);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException(
                    "no template left after --templates/--exclude-templates");
        }
        return List.copyOf(chosen);
    }
}
