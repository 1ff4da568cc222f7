package io.medvie.synth.content;

import java.util.List;

/** A fictitious laboratory and what its letterhead prints. */
public record Lab(
        String name,
        String tagline,
        List<String> address,
        String phone,
        String email,
        String web,
        String accreditation,
        int color) {}
