void one(void);
void two_missing(void);
void two(void) { one(); two_missing(); }
