// Not built yet: this feature registers nothing and serves no routes.
export {};
