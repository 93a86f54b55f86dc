package org.signpost.benchmarks.baseline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The request bodies of the command benchmark's five endpoints, validated as a plain service would. */
public final class BaselineRequests {

    private BaselineRequests() {
    }

    public record YoungPerson(@NotNull String firstName, @NotNull String lastName, @NotNull LocalDate dateOfBirth,
                              @NotNull String postcode) {
    }

    public record NewReferral(@NotNull String source, @NotNull String channel, @NotNull LocalDate receivedOn,
                              @NotNull @Valid YoungPerson youngPerson, @NotEmpty List<String> reasons, List<String> needs,
                              @NotNull String consentGivenBy, String notes) {
    }

    public record Triage(@NotNull String outcome, @NotNull LocalDate triagedOn) {
    }

    public record Assignment(@NotNull String linkWorkerId, @NotNull LocalDate assignedOn) {
    }

    public record Session(@NotNull UUID sessionId, @NotNull LocalDate heldOn, @Positive int durationMinutes,
                   @NotNull String location, @NotNull String accompaniedBy, Integer walkMinutesFromHome,
                   List<String> techniques) {
    }

    public record Contact(@NotNull String channel, @NotNull String direction, @NotNull LocalDate contactedOn) {
    }
}
