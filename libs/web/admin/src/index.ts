// Feature routes and pages land here (see the issues for the admin workspace).
export {};
