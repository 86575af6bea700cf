package org.clinicbooking.demodata.api;

/** Thrown when the API returns a status outside 2xx for a request. */
public final class ApiRejection extends RuntimeException {

    private final ApiProblem problem;

    public ApiRejection(String request, ApiProblem problem) {
        super(request + " was rejected: " + problem);
        this.problem = problem;
    }

    public ApiProblem problem() {
        return problem;
    }

    public int status() {
        return problem.status();
    }

    public boolean isDuplicate() {
        return problem.isDuplicate();
    }
}
