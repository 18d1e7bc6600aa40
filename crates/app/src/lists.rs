//! The lists of the web application: employees and the talent map of a
//! period, filtered, sorted and paged in the database.

use talenta_storage::StorageError;
pub use talenta_storage::{EmployeeFilter, EmployeeItem, MapFilter, MapItem, Page, Search, Window};

use crate::Ctx;

/// A page of the employees `filter` selects.
pub async fn employees(
    ctx: &Ctx<'_>,
    filter: &EmployeeFilter<'_>,
    window: Window,
) -> Result<Page<EmployeeItem>, StorageError> {
    ctx.db
        .employee_list(ctx.instansi.get(), filter, window)
        .await
}

/// A page of the talent-map rows `filter` selects.
pub async fn map(
    ctx: &Ctx<'_>,
    filter: &MapFilter<'_>,
    window: Window,
) -> Result<Page<MapItem>, StorageError> {
    ctx.db.map_list(ctx.instansi.get(), filter, window).await
}
