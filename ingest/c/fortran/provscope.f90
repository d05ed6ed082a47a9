! Provscope for Fortran: the C library's calls through iso_c_binding, MPI-style optional ierr.
!
!   use provscope
!   call pv_init("http://login01:3000", token, "climate", "simulate", execution_id, rank, ierr)
!   call pv_log_metric("residual", step, res)      ! integer(4|8) step, real(4|8) value
!   call pv_finalize(0)
!
! Empty strings ("") take PROVSCOPE_URL, PROVSCOPE_TOKEN, PROVSCOPE_EXECUTION, … from the
! environment; a negative rank takes the MPI launcher's rank. Keys are trimmed of trailing blanks
! and passed without a copy, so pv_log_metric costs what the C call costs.
module provscope
  use, intrinsic :: iso_c_binding
  implicit none
  private

  integer, parameter, public :: PV_OK = 0, PV_EINVAL = 1, PV_EAUTH = 2, PV_ESTATE = 3, PV_EFULL = 4, &
                                PV_ETIMEOUT = 5, PV_EREJECTED = 6, PV_ENOMEM = 7, PV_EFATAL = 8

  type, bind(c), public :: pv_status_t
    integer(c_int64_t) :: logged, delivered, pending, dropped, rejected, batches, retries, blocked_ns, buffer_points
    integer(c_int32_t) :: reachable, last_http_status
    character(kind=c_char) :: last_error(256)
  end type

  public :: pv_init, pv_log_metric, pv_log_artifact, pv_log_artifact_file, pv_log_final_metric, &
            pv_flush, pv_finalize, pv_status, pv_set_thread_rank, pv_strerror

  interface pv_log_metric
    module procedure log_i4_r8, log_i8_r8, log_i4_r4, log_i8_r4
  end interface

  interface
    integer(c_int) function c_init(url, token, pipeline, stage, execution, rank) bind(c, name="pv_init")
      import :: c_int, c_char
      character(kind=c_char), dimension(*), intent(in) :: url, token, pipeline, stage, execution
      integer(c_int), value :: rank
    end function
    integer(c_int) function c_log_metric_n(key, key_len, step, value) bind(c, name="pv_log_metric_n")
      import :: c_int, c_char, c_int64_t, c_double
      character(kind=c_char), dimension(*), intent(in) :: key
      integer(c_int), value :: key_len
      integer(c_int64_t), value :: step
      real(c_double), value :: value
    end function
    integer(c_int) function c_log_artifact(direction, type, name, uri, hash, size) bind(c, name="pv_log_artifact")
      import :: c_int, c_char, c_int64_t
      character(kind=c_char), dimension(*), intent(in) :: direction, type, name, uri, hash
      integer(c_int64_t), value :: size
    end function
    integer(c_int) function c_log_artifact_file(direction, type, name, path) bind(c, name="pv_log_artifact_file")
      import :: c_int, c_char
      character(kind=c_char), dimension(*), intent(in) :: direction, type, name, path
    end function
    integer(c_int) function c_log_final_metric(key, value) bind(c, name="pv_log_final_metric")
      import :: c_int, c_char, c_double
      character(kind=c_char), dimension(*), intent(in) :: key
      real(c_double), value :: value
    end function
    integer(c_int) function c_flush() bind(c, name="pv_flush")
      import :: c_int
    end function
    integer(c_int) function c_finalize(status) bind(c, name="pv_finalize")
      import :: c_int
      integer(c_int), value :: status
    end function
    subroutine c_status(out) bind(c, name="pv_status")
      import :: pv_status_t
      type(pv_status_t), intent(out) :: out
    end subroutine
    subroutine c_set_thread_rank(rank) bind(c, name="pv_set_thread_rank")
      import :: c_int
      integer(c_int), value :: rank
    end subroutine
    type(c_ptr) function c_strerror(code) bind(c, name="pv_strerror")
      import :: c_ptr, c_int
      integer(c_int), value :: code
    end function
    integer(c_size_t) function c_strlen(s) bind(c, name="strlen")
      import :: c_size_t, c_ptr
      type(c_ptr), value :: s
    end function
  end interface

contains

  ! A NUL-terminated copy for the calls that are not on the hot path.
  pure function cstr(s) result(c)
    character(len=*), intent(in) :: s
    character(kind=c_char, len=len_trim(s) + 1) :: c
    c = trim(s)//c_null_char
  end function

  subroutine set(ierr, rc)
    integer, intent(out), optional :: ierr
    integer(c_int), intent(in) :: rc
    if (present(ierr)) ierr = int(rc)
  end subroutine

  subroutine pv_init(url, token, pipeline, stage, execution, rank, ierr)
    character(len=*), intent(in) :: url, token, pipeline, stage, execution
    integer, intent(in) :: rank
    integer, intent(out), optional :: ierr
    call set(ierr, c_init(cstr(url), cstr(token), cstr(pipeline), cstr(stage), cstr(execution), int(rank, c_int)))
  end subroutine

  subroutine log_i4_r8(key, step, value, ierr)
    character(len=*), intent(in) :: key
    integer(4), intent(in) :: step
    real(8), intent(in) :: value
    integer, intent(out), optional :: ierr
    call set(ierr, c_log_metric_n(key, int(len_trim(key), c_int), int(step, c_int64_t), real(value, c_double)))
  end subroutine

  subroutine log_i8_r8(key, step, value, ierr)
    character(len=*), intent(in) :: key
    integer(8), intent(in) :: step
    real(8), intent(in) :: value
    integer, intent(out), optional :: ierr
    call set(ierr, c_log_metric_n(key, int(len_trim(key), c_int), int(step, c_int64_t), real(value, c_double)))
  end subroutine

  subroutine log_i4_r4(key, step, value, ierr)
    character(len=*), intent(in) :: key
    integer(4), intent(in) :: step
    real(4), intent(in) :: value
    integer, intent(out), optional :: ierr
    call set(ierr, c_log_metric_n(key, int(len_trim(key), c_int), int(step, c_int64_t), real(value, c_double)))
  end subroutine

  subroutine log_i8_r4(key, step, value, ierr)
    character(len=*), intent(in) :: key
    integer(8), intent(in) :: step
    real(4), intent(in) :: value
    integer, intent(out), optional :: ierr
    call set(ierr, c_log_metric_n(key, int(len_trim(key), c_int), int(step, c_int64_t), real(value, c_double)))
  end subroutine

  ! uri may be ""; size < 0 means unknown.
  subroutine pv_log_artifact(direction, type, name, uri, hash, size, ierr)
    character(len=*), intent(in) :: direction, type, name, uri, hash
    integer(8), intent(in) :: size
    integer, intent(out), optional :: ierr
    call set(ierr, c_log_artifact(cstr(direction), cstr(type), cstr(name), cstr(uri), cstr(hash), int(size, c_int64_t)))
  end subroutine

  ! Hashes the file (SHA-256) and logs it with uri file://<absolute path>.
  subroutine pv_log_artifact_file(direction, type, name, path, ierr)
    character(len=*), intent(in) :: direction, type, name, path
    integer, intent(out), optional :: ierr
    call set(ierr, c_log_artifact_file(cstr(direction), cstr(type), cstr(name), cstr(path)))
  end subroutine

  subroutine pv_log_final_metric(key, value, ierr)
    character(len=*), intent(in) :: key
    real(8), intent(in) :: value
    integer, intent(out), optional :: ierr
    call set(ierr, c_log_final_metric(cstr(key), real(value, c_double)))
  end subroutine

  subroutine pv_flush(ierr)
    integer, intent(out), optional :: ierr
    call set(ierr, c_flush())
  end subroutine

  ! status 0: the execution COMPLETED (rank 0 ends it); otherwise FAILED.
  subroutine pv_finalize(status, ierr)
    integer, intent(in) :: status
    integer, intent(out), optional :: ierr
    call set(ierr, c_finalize(int(status, c_int)))
  end subroutine

  subroutine pv_status(st)
    type(pv_status_t), intent(out) :: st
    call c_status(st)
  end subroutine

  ! Threads that stand for ranks (e.g. OpenMP): later pv_log_metric calls of this thread use it.
  subroutine pv_set_thread_rank(rank)
    integer, intent(in) :: rank
    call c_set_thread_rank(int(rank, c_int))
  end subroutine

  function pv_strerror(code) result(msg)
    integer, intent(in) :: code
    character(len=:), allocatable :: msg
    type(c_ptr) :: p
    character(kind=c_char), pointer :: chars(:)
    integer :: n, i
    p = c_strerror(int(code, c_int))
    n = int(c_strlen(p))
    call c_f_pointer(p, chars, [n])
    allocate (character(len=n) :: msg)
    do i = 1, n
      msg(i:i) = chars(i)
    end do
  end function

end module provscope
