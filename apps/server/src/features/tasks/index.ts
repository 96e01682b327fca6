export { completeTask, type TaskCompletion } from "./complete-task";
export { createTask, type NewTask } from "./create-task";
export { listTasks } from "./list-tasks";
export { type TaskView, toTaskView } from "./task-view";
export { registerTaskRoutes } from "./tasks.routes";
