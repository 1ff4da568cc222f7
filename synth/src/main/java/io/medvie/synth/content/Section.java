package io.medvie.synth.content;

import java.util.List;

/**
 * A group of results printed under one heading.
 *
 * @param department the department heading (HAEMATOLOGY), printed by some templates only
 * @param heading the panel heading (COMPLETE BLOOD COUNT)
 */
public record Section(Panel panel, String department, String heading, List<ResultRow> rows) {}
