void exp_missing(void);
__attribute__((export_name("exp"))) void exp(void) { exp_missing(); }
