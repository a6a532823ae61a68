int dup = 3;
