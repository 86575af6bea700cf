package org.clinicbooking.demodata.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DemoIdentitiesTest {

    @Test
    void displayNameDropsSyntheaDigits() {
        assertThat(DemoIdentities.displayName("Gabriel934 Reilly981")).isEqualTo("Gabriel Reilly");
        assertThat(DemoIdentities.displayName("Jessie665", "Glover433")).isEqualTo("Jessie Glover");
    }

    @Test
    void emailCombinesNameAndIdPrefix() {
        String email = DemoIdentities.email("dr.", "José O'Brien", "8d32509a-2844-3440-aac1-59efe106054b");

        assertThat(email).isEqualTo("dr.jose.o.brien.8d32509a2844@demo.clinic-booking.example");
    }

    @Test
    void phoneNumberTakesFirstNorthAmericanNumber() {
        assertThat(DemoIdentities.usPhoneNumber("978-342-9781 Or 978-342-9781")).contains("+19783429781");
        assertThat(DemoIdentities.usPhoneNumber("(617) 323.7700")).contains("+16173237700");
    }

    @Test
    void phoneNumberIsEmptyWithoutDigits() {
        assertThat(DemoIdentities.usPhoneNumber("")).isEmpty();
        assertThat(DemoIdentities.usPhoneNumber("none")).isEmpty();
    }

    @Test
    void licenseAndExperienceStaySameForProvider() {
        String providerId = "8d32509a-2844-3440-aac1-59efe106054b";

        assertThat(DemoIdentities.licenseNumber(providerId)).isEqualTo("SYN-8D32509A28443440AAC159EFE106054B");
        assertThat(DemoIdentities.yearsOfExperience(providerId))
                .isEqualTo(DemoIdentities.yearsOfExperience(providerId))
                .isBetween(5, 35);
    }

    @Test
    void specializationIsSentenceCase() {
        assertThat(DemoIdentities.specialization("GENERAL PRACTICE")).isEqualTo("General practice");
        assertThat(DemoIdentities.specialization(" ")).isEqualTo("General practice");
    }

    @Test
    void randomPasswordsDifferAndFitTheApiLimits() {
        String first = DemoIdentities.randomPassword();

        assertThat(first).hasSize(32).isNotEqualTo(DemoIdentities.randomPassword());
    }
}
