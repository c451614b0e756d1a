namespace ProcessFunctions.Domain; public static class Placeholder { }
