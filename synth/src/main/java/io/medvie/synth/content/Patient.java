package io.medvie.synth.content;

/**
 * A synthetic patient, fields as printed.
 *
 * @param honorific "Mr.", "Mrs.", "Ms." or null; printed before the name, not part of it
 * @param name printed name ("Anita Sharma", "SHARMA, ANITA")
 * @param sexPrinted how the sex is printed ("F", "Female", "FEMALE")
 * @param age printed age ("63", "63 Y", "63 Years")
 * @param ageYears the age in years, for templates that print it their own way
 */
public record Patient(
        String honorific,
        String name,
        String id,
        Sex sex,
        String sexPrinted,
        String birthDate,
        String age,
        int ageYears) {}
