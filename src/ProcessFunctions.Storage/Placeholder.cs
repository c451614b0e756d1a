namespace ProcessFunctions.Storage; public static class Placeholder { }
