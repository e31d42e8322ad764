// Test runs hash passwords cheaply and log nothing unless asked; everything else comes from the real config.
process.env.FAST_HASH ??= "1";
process.env.LOG_LEVEL ??= "silent";
process.env.NODE_ENV ??= "test";
