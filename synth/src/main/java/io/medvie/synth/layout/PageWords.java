package io.medvie.synth.layout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The contents of one {@code page-N.words.json}: the page's size in the unit of its boxes and every
 * word on it.
 *
 * @param page 1-based page number
 * @param width page width in pixels (points for a born-digital PDF)
 * @param height page height in pixels (points for a born-digital PDF)
 * @param dpi pixels per inch of the page image (72 for PDF points)
 * @param image file name of the page image in the report folder, null for a born-digital PDF
 */
@JsonPropertyOrder({"page", "width", "height", "dpi", "image", "words"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PageWords(
        int page, int width, int height, double dpi, String image, List<Word> words) {}
